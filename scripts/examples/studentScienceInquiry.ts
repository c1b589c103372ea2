/**
 * Example 2: a small science-inquiry progression co-designed by a 7th-grade class and their
 * teacher, in student language, with the students' own phase names and open review comments.
 * A draft: it deliberately leaves one practice (models, SEP-2) uncovered, which a comment notes.
 */
import type { Framework } from '../../src-core/model/types';
import { buildFramework, type CompetencySpec, type FrameworkSpec, type StandardsSetSpec } from './buildFramework';

const G7 = ['07'];

/** The eight NGSS Science and Engineering Practices: code, practice, one grade 6–8 element. */
const SEP_ROWS: [code: string, practice: string, element: string][] = [
  ['SEP-1', 'Asking Questions and Defining Problems', 'Ask questions that can be investigated within the scope of the classroom, outdoor environment, and museums and other public facilities with available resources and, when appropriate, frame a hypothesis based on observations and scientific principles.'],
  ['SEP-2', 'Developing and Using Models', 'Develop and/or use a model to predict and/or describe phenomena.'],
  ['SEP-3', 'Planning and Carrying Out Investigations', 'Plan an investigation individually and collaboratively, and in the design: identify independent and dependent variables and controls, what tools are needed to do the gathering, how measurements will be recorded, and how many data are needed to support a claim.'],
  ['SEP-4', 'Analyzing and Interpreting Data', 'Construct, analyze, and/or interpret graphical displays of data and/or large data sets to identify linear and nonlinear relationships.'],
  ['SEP-5', 'Using Mathematics and Computational Thinking', 'Use mathematical representations to describe and/or support scientific conclusions and design solutions.'],
  ['SEP-6', 'Constructing Explanations and Designing Solutions', 'Construct an explanation that includes qualitative or quantitative relationships between variables that predict(s) and/or describe(s) phenomena.'],
  ['SEP-7', 'Engaging in Argument from Evidence', 'Construct, use, and/or present an oral and written argument supported by empirical evidence and scientific reasoning to support or refute an explanation or a model for a phenomenon or a solution to a problem.'],
  ['SEP-8', 'Obtaining, Evaluating, and Communicating Information', 'Communicate scientific and/or technical information (e.g. about a proposed object, tool, process, system) in writing and/or through oral presentations.'],
];

const NGSS_SEP: StandardsSetSpec = {
  key: 'ngss-sep-6-8',
  title: 'NGSS Science and Engineering Practices (Grades 6–8)',
  source: 'NGSS Lead States (2013). Next Generation Science Standards, Appendix F — Science and Engineering Practices. https://www.nextgenscience.org/',
  version: '2013',
  items: SEP_ROWS.map(([code, practice, element]) => ({
    code,
    statement: `${practice}. Grades 6–8: ${element}`,
    itemType: 'Practice',
    levels: ['06', '07', '08'],
    uri: '',
  })),
};

const CHOICE = 'Show it your way: a lab notebook page, a short video, a poster, or a conference with Ms. Rivera.';

const competencies: CompetencySpec[] = [
  {
    code: 'SI.1',
    domain: 'SI-AP',
    levels: G7,
    hours: 2,
    evidence: ['portfolio', 'product', 'observation'],
    statement: 'Ask a testable question about something we noticed — one we can answer with an investigation in class.',
    iCan: 'I can ask a question that we can actually test in class.',
    notes: CHOICE,
    align: [['SEP-1', 'exact']],
    phases: [
      ['My questions are interesting, but we can’t test them in class or they’re just yes/no facts.', ['I ask things like “Why is the sky blue?” that I would have to look up.']],
      [
        'I can tell a testable question from one that isn’t when I see them side by side, but mine still need help.',
        ['I can sort a list of questions into “testable” and “not testable”.', 'With my partner I turned “Do plants like music?” into something closer to testable.'],
      ],
      [
        'I can write my own testable question that names what I will change and what I will measure.',
        [
          'My question sounds like “How does ___ affect ___?”, for example “How does the amount of salt affect how fast ice melts?”',
          'I can explain why my question can be tested in our classroom with the stuff we have.',
        ],
      ],
      [
        'I can help other people fix their questions and explain what makes a question testable.',
        ['I helped another group turn their “why” question into a testable one.', 'I made a question checklist that our class uses.'],
      ],
    ],
  },
  {
    code: 'SI.2',
    domain: 'SI-AP',
    levels: G7,
    hours: 2,
    evidence: ['test', 'product', 'observation'],
    statement: 'Identify the independent variable, the dependent variable and the controlled variables in an investigation.',
    iCan: 'I can name what I change, what I measure, and what I keep the same.',
    notes: CHOICE,
    after: ['SI.1'],
    align: [['SEP-3', 'partial']],
    phases: [
      ['I mix up what I change and what I measure.', ['I said the “ice melting time” was what I change.']],
      [
        'I can find the thing I change and the thing I measure, but I forget about things to keep the same.',
        ['I named salt as what I change and melting time as what I measure, but I didn’t say the ice cubes had to be the same size.'],
      ],
      [
        'I can name the independent, dependent and at least three controlled variables in my own investigation and in someone else’s.',
        [
          'In my plan I listed the independent variable, the dependent variable, and three things I kept the same.',
          'I can find the variables in an experiment I read about and explain why each one is that kind.',
        ],
      ],
      [
        'I can spot a variable someone forgot to control and explain how it could mess up the results.',
        ['I noticed another group used different cups and explained how that could change their melting times.'],
      ],
    ],
  },
  {
    code: 'SI.3',
    domain: 'SI-AP',
    levels: G7,
    hours: 1,
    evidence: ['product', 'portfolio'],
    statement: 'Make a prediction (hypothesis) about the investigation and give a scientific reason for it.',
    iCan: 'I can make a prediction and explain why I think it will happen.',
    notes: CHOICE,
    after: ['SI.1'],
    align: [['SEP-1', 'partial']],
    phases: [
      ['I guess what will happen but I can’t say why.', ['I wrote “the salt one will melt faster” with no reason.']],
      [
        'I make a prediction with a reason, but the reason is about me, not about science.',
        ['My reason was “because my mom puts salt on the steps”.'],
      ],
      [
        'I write a prediction in “If … then … because …” form, with a reason that uses something we learned or observed.',
        ['My prediction says what will happen to the thing I measure and uses a science idea in the “because”.'],
      ],
      [
        'I can make more than one prediction, say what results would prove each one wrong, and help others improve theirs.',
        ['I wrote what result would show my prediction was wrong before we started.'],
      ],
    ],
  },
  {
    code: 'SI.4',
    domain: 'SI-AP',
    levels: G7,
    hours: 3,
    evidence: ['product', 'demonstration', 'observation'],
    statement: 'Plan a fair test: the steps, the materials, how much and how often to measure, and how many trials to run.',
    iCan: 'I can plan a fair test that someone else could follow and get the same kind of results.',
    notes: CHOICE,
    after: ['SI.2', 'SI.3'],
    align: [['SEP-3', 'exact']],
    phases: [
      ['My plan is a list of things to do, but parts are missing and it isn’t fair yet.', ['My plan doesn’t say how much salt or how I will measure.']],
      [
        'My plan is mostly fair and has steps, but someone else couldn’t follow it without asking me.',
        ['Another group tried my plan and had to ask me two questions.', 'I only planned one trial.'],
      ],
      [
        'My plan changes only one variable, lists materials and amounts, says how I will measure and record, and has at least three trials.',
        [
          'Another group followed my plan without asking any questions.',
          'I can explain why we do three trials instead of one.',
        ],
      ],
      [
        'I can improve a plan by finding what makes it unfair and help other groups plan.',
        ['I reviewed another group’s plan and found a step that would make the test unfair.'],
      ],
    ],
  },
  {
    code: 'SI.5',
    domain: 'SI-CS',
    levels: G7,
    hours: 3,
    evidence: ['observation', 'portfolio', 'demonstration'],
    statement: 'Carry out the plan safely, measure carefully with the right tools and units, and record the data in an organized table.',
    iCan: 'I can collect data carefully and keep it organized in a table with units.',
    notes: CHOICE,
    after: ['SI.4'],
    align: [['SEP-3', 'partial']],
    phases: [
      ['I write down some numbers, but they’re messy and I forget units.', ['My notebook has numbers all over the page with no labels.']],
      [
        'I use a table, but sometimes I skip trials, round a lot, or forget units.',
        ['My table has headings but no units.', 'I forgot to write down trial 2.'],
      ],
      [
        'I use the right tool, measure the same way every time, and record every trial in a table with headings and units.',
        [
          'My data table shows every trial, with units in the headings.',
          'I wrote down a note when something went wrong in a trial instead of erasing it.',
        ],
      ],
      [
        'I can explain how measurement errors could change the results and help my group measure more carefully.',
        ['I showed my group how to read the thermometer at eye level so our readings matched.'],
      ],
    ],
  },
  {
    code: 'SI.6',
    domain: 'SI-CS',
    levels: G7,
    hours: 2,
    evidence: ['product', 'test', 'portfolio'],
    statement: 'Choose and make a graph that fits the data, with a title, labeled axes, units and an even scale.',
    iCan: 'I can make the right kind of graph for my data, with labels and a good scale.',
    notes: CHOICE + ' Hand-drawn or spreadsheet graphs both count.',
    after: ['SI.5'],
    align: [
    ['SEP-4', 'partial'],
    ['SEP-5', 'related'],
    ],
    phases: [
      ['I make a graph, but it’s missing labels or the scale jumps around.', ['My y-axis goes 1, 2, 5, 10.']],
      [
        'My graph has labels and an even scale, but I’m not sure which kind of graph fits my data.',
        ['I made a bar graph of temperature over time when a line graph fits better.'],
      ],
      [
        'I pick a bar graph or a line graph because of the kind of data I have, and my graph has a title, labeled axes with units and an even scale.',
        [
          'I can explain why I chose a line graph for data that changes over time.',
          'Someone who didn’t do my experiment can read my graph.',
        ],
      ],
      [
        'I can show the same data in two ways and explain which one shows the pattern better.',
        ['I graphed the averages and all the trials and explained what each graph shows.'],
      ],
    ],
  },
  {
    code: 'SI.7',
    domain: 'SI-CS',
    levels: G7,
    hours: 2,
    evidence: ['product', 'observation', 'test'],
    statement: 'Describe patterns and trends in the data and graph, including the average of the trials and any results that don’t fit.',
    iCan: 'I can describe the pattern in my data and notice results that don’t fit.',
    notes: CHOICE,
    after: ['SI.6'],
    align: [['SEP-4', 'exact']],
    phases: [
      ['I read single numbers off my graph, but I don’t see a pattern.', ['I said “trial 3 was 42 seconds” when asked about the pattern.']],
      [
        'I can describe the pattern in a general way, like “it went up”.',
        ['I wrote “more salt made it faster” without using any numbers.'],
      ],
      [
        'I describe the trend using numbers from my data, use the average of my trials, and point out results that don’t fit.',
        [
          'I wrote “as salt went from 0 to 10 grams, the average melting time dropped from 30 to 12 minutes”.',
          'I circled one result that didn’t fit and gave a possible reason.',
        ],
      ],
      [
        'I can compare patterns from different groups and explain why their results might be different.',
        ['I compared our class’s data with another class’s and explained one reason they were different.'],
      ],
    ],
  },
  {
    code: 'SI.8',
    domain: 'SI-EC',
    levels: G7,
    hours: 3,
    evidence: ['product', 'portfolio', 'demonstration'],
    statement: 'Write a scientific explanation in claim–evidence–reasoning form: a claim that answers the question, evidence from the data, and reasoning that connects them with a science idea.',
    iCan: 'I can write a claim, back it up with evidence from my data, and explain my reasoning with science ideas.',
    notes: CHOICE,
    after: ['SI.7'],
    align: [
    ['SEP-6', 'partial'],
    ['SEP-7', 'partial'],
    ],
    phases: [
      ['I write what happened, but it isn’t a claim and I don’t use my data.', ['I wrote “our experiment was fun and the ice melted”.']],
      [
        'I have a claim and some evidence, but my reasoning just repeats the evidence.',
        ['My reasoning said “because the data shows it” without a science idea.'],
      ],
      [
        'My claim answers the question, my evidence uses specific numbers from my data, and my reasoning explains why the evidence supports the claim using a science idea.',
        [
          'My CER uses at least two pieces of evidence with numbers.',
          'My reasoning connects the evidence to a science idea we learned, like particles or energy.',
        ],
      ],
      [
        'I can write a CER that also answers a counterclaim and explain CER to others.',
        ['I added a sentence explaining why someone might disagree and why the data still supports my claim.'],
      ],
    ],
  },
  {
    code: 'SI.9',
    domain: 'SI-EC',
    levels: G7,
    hours: 2,
    evidence: ['observation', 'portfolio', 'other'],
    statement: 'Give kind, specific and helpful feedback on a classmate’s investigation or explanation, and use feedback to revise our own work.',
    iCan: 'I can give feedback that is kind, specific and helpful, and I can use feedback to make my work better.',
    notes: CHOICE + ' “Other” = a feedback note signed by the classmate you helped.',
    after: ['SI.8'],
    align: [['SEP-7', 'related']],
    phases: [
      ['My feedback is “good job” or “I like it”.', ['I wrote “looks good!” on a classmate’s CER.']],
      [
        'My feedback is kind and points at something, but it doesn’t say how to fix it.',
        ['I wrote “your evidence is weak” but not what would make it stronger.'],
      ],
      [
        'My feedback names one strength and one specific next step, and I use feedback I get to revise my own work.',
        [
          'I used sentence starters like “Your evidence would be stronger if…”.',
          'I can show a before-and-after of my work that I changed because of feedback.',
        ],
      ],
      [
        'I can lead a feedback round and help others give helpful feedback.',
        ['I ran the gallery walk for my table and helped people make their comments specific.'],
      ],
    ],
  },
  {
    code: 'SI.10',
    domain: 'SI-EC',
    levels: G7,
    hours: 2,
    evidence: ['product', 'portfolio'],
    statement: 'Evaluate our own investigation: what limited the results, how to improve the test, and what new question it raises.',
    iCan: 'I can explain what could have gone better in my investigation and what I would test next.',
    notes: CHOICE,
    after: ['SI.9'],
    align: [['SEP-3', 'related']],
    phases: [
      ['I say what went wrong, like “we ran out of time”, but not how it affected the results.', ['I wrote “we should have had more time”.']],
      [
        'I name a real problem with the test, but my improvement is vague.',
        ['I said our measurements were off, but my fix was just “be more careful”.'],
      ],
      [
        'I explain a limitation, how it could have changed the data, and a specific way to improve the test, plus a new question to investigate.',
        [
          'I wrote that our ice cubes were different sizes, that this could change melting times, and that next time we’d use one ice tray.',
          'I wrote a new testable question that came out of our results.',
        ],
      ],
      [
        'I can design the improved investigation and help another group evaluate theirs.',
        ['I wrote a new plan that fixes the limitation and tried it.'],
      ],
    ],
  },
  {
    code: 'SI.11',
    domain: 'SI-EC',
    levels: G7,
    hours: 2,
    evidence: ['demonstration', 'product', 'other'],
    statement: 'Share the investigation and its results with an audience, so that someone who wasn’t there understands what we did and what we found.',
    iCan: 'I can share my investigation so that someone who wasn’t there understands what we did and what we found out.',
    notes: CHOICE + ' “Other” = a podcast or a presentation to another class.',
    after: ['SI.8'],
    align: [['SEP-8', 'exact']],
    phases: [
      ['I tell people what we did, but I skip parts and don’t show our data.', ['My poster has pictures but no data.']],
      [
        'I share most of the parts, but my audience has questions about what we found.',
        ['People at the science fair asked what our graph meant.'],
      ],
      [
        'I share the question, the plan, the data, and my claim in a way my audience understands, and I answer their questions.',
        [
          'A student from another class could explain our result back to me after my presentation.',
          'I answered audience questions using our data.',
        ],
      ],
      [
        'I adapt how I share for different audiences and help others present.',
        ['I explained our investigation to 4th graders and changed my words so they understood.'],
      ],
    ],
  },
];

/** The student science-inquiry example as a spec. */
export const STUDENT_SCIENCE_INQUIRY: FrameworkSpec = {
  slug: 'student-science-inquiry',
  meta: {
    title: 'Science Inquiry Skills — Our Class Progression',
    description:
      'A progression of science inquiry skills that Ms. Rivera’s 7th-grade class (period 3) designed together during our first investigation, melting ice with salt. ' +
      'We wrote the skills, the phase names and the “I can” statements ourselves. You move on to the next skill when you reach “Got it”, and you can show it in more than one way.',
    subjects: ['Science'],
    educationLevels: ['07'],
    creator: 'Ms. Rivera and her 7th-grade science class (period 3)',
    publisher: 'Hillcrest Middle School',
    version: '0.3.0',
    status: 'draft',
    license: 'CC BY 4.0',
    language: 'en',
    lastChangeDateTime: '2026-10-16T15:40:00-07:00',
  },
  phases: [
    { label: 'Starting', description: 'I’m just starting. I need examples and help to do this.' },
    { label: 'Getting there', description: 'I can do some of it with a checklist or a partner, but I still make mistakes.' },
    { label: 'Got it', description: 'I can do it on my own and explain how I did it. This is mastery — I’m ready for the next skill!', threshold: true },
    { label: 'Teaching others', description: 'I can help a classmate, use it in a new investigation, and explain why it matters.' },
  ],
  domains: [
    { code: 'SI-AP', title: 'Ask & Plan', description: 'Asking questions we can test and planning fair tests.' },
    { code: 'SI-CS', title: 'Collect & Show', description: 'Collecting data carefully and showing it in tables and graphs.' },
    { code: 'SI-EC', title: 'Explain & Convince', description: 'Explaining what we found, giving feedback, and sharing it.' },
  ],
  competencies,
  standardsSets: [NGSS_SEP],
  comments: [
    {
      target: { kind: 'framework' },
      author: 'Ms. Rivera',
      text: 'Great start, everyone! Before we share this with Mr. Okafor’s class, every skill needs at least one “Got it” indicator that we could actually see someone do.',
      createdAt: '2026-10-09T15:10:00-07:00',
      resolved: true,
    },
    {
      target: { kind: 'competency', code: 'SI.2' },
      author: 'Jayden (table 3)',
      text: 'Should controlled variables be their own skill? Keeping everything the same was the hardest part of our ice experiment.',
      createdAt: '2026-10-13T10:22:00-07:00',
      resolved: false,
    },
    {
      target: { kind: 'competency', code: 'SI.8' },
      author: 'Amara',
      text: 'Can our evidence come from another group’s data? We think yes, if we say where it came from.',
      createdAt: '2026-10-14T10:05:00-07:00',
      resolved: false,
    },
    {
      target: { kind: 'link', from: 'SI.8', to: 'SI.9' },
      author: 'Ms. Rivera',
      text: 'Do you need a finished CER before you can give feedback? Some of you gave great feedback on each other’s plans. Should feedback come earlier?',
      createdAt: '2026-10-15T14:30:00-07:00',
      resolved: false,
    },
    {
      target: { kind: 'framework' },
      author: 'Priya and Leo',
      text: 'We don’t have anything about models yet (SEP-2). Can that be our next progression?',
      createdAt: '2026-10-16T15:35:00-07:00',
      resolved: false,
    },
  ],
};

/** Builds the student science-inquiry example framework. */
export function buildStudentScienceInquiry(): Framework {
  return buildFramework(STUDENT_SCIENCE_INQUIRY);
}
