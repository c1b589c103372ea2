/**
 * Example 1: a district's adopted Grade 3–5 fractions progression (fictional district, real
 * Common Core codes). Written for teachers to read: every competency has a descriptor and
 * observable performance indicators for each of the four phases.
 */
import type { Framework } from '../../src-core/model/types';
import { buildFramework, type CompetencySpec, type FrameworkSpec } from './buildFramework';
import { CCSS_MD_LINE_PLOTS, CCSS_NF } from './ccssFractions';

const G3 = ['03'];
const G4 = ['04'];
const G5 = ['05'];

const competencies: CompetencySpec[] = [
  // ── Grade 3 ────────────────────────────────────────────────────────────────────────────
  {
    code: 'FR.3.1',
    domain: 'FR-UF',
    levels: G3,
    hours: 3,
    evidence: ['observation', 'demonstration', 'test'],
    statement:
      'Partition a whole (a shape or a length) into b equal parts and name one part as the unit fraction 1/b, explaining why the parts must be equal in size.',
    iCan: 'I can split a whole into equal parts and name one part as a unit fraction, like 1/4.',
    notes:
      'Grade 3 work uses denominators 2, 3, 4, 6 and 8. Use area models (rectangles, circles) and length models (paper strips, fraction bars); builds on Grade 2 partitioning of shapes (2.G.A.3).',
    align: [['3.NF.A.1', 'partial']],
    phases: [
      [
        'Splits a shape into parts but does not yet attend to equal size; names fractions by counting pieces.',
        [
          'Calls one piece of a rectangle cut into 4 unequal pieces “one fourth”.',
          'Names the number of pieces (“four”) rather than the size of one piece (“one fourth”).',
        ],
      ],
      [
        'Partitions shapes into halves and fourths with equal parts and names the unit fraction; less secure with thirds, sixths and eighths or with unfamiliar pictures.',
        [
          'Folds a paper strip into 4 equal parts and labels one part 1/4.',
          'Hesitates or draws unequal parts when asked to show 1/6 of a rectangle.',
        ],
      ],
      [
        'Partitions area and length models into 2, 3, 4, 6 or 8 equal parts, names one part as 1/b, and explains that 1/b is one of b equal parts of the same whole.',
        [
          'Partitions a rectangle into 6 equal parts, shades 1/6, and explains “the whole is cut into 6 equal parts and I shaded one of them”.',
          'Decides whether a shaded picture shows 1/3 and justifies the answer by checking that the parts are equal.',
          'Explains why 1/8 of a pizza is smaller than 1/4 of the same pizza.',
        ],
      ],
      [
        'Reasons about unit fractions when the parts look different or the whole is not shown, recognizing that equal parts need equal area, not the same shape.',
        [
          'Shows that a square cut into 4 triangles and a square cut into 4 strips both show fourths, because each part has the same area.',
          'Given a piece labeled 1/3, draws what the whole could look like and explains why.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.2',
    domain: 'FR-UF',
    levels: G3,
    hours: 4,
    evidence: ['test', 'demonstration', 'product'],
    statement:
      'Understand a fraction a/b as the quantity formed by a parts of size 1/b, building and naming fractions (including fractions greater than 1) by counting unit fractions.',
    iCan: 'I can build a fraction out of unit fractions: 3/4 is three 1/4s, and 5/4 is five 1/4s.',
    after: ['FR.3.1'],
    align: [['3.NF.A.1', 'exact']],
    phases: [
      [
        'Names a shaded picture by counting shaded parts and total parts, without connecting the numerator to copies of a unit fraction.',
        [
          'Writes 3/4 for a picture with 3 of 4 equal parts shaded but cannot say what one part is worth.',
          'Writes 3/5 for a picture with 3 parts shaded and 5 parts unshaded (compares part to part).',
        ],
      ],
      [
        'Describes a/b as “a pieces of size 1/b” for fractions less than 1 when a model is given; counts by unit fractions with support.',
        [
          'Says “5/6 is five 1/6 pieces” while pointing to a fraction-strip model.',
          'Counts 1/4, 2/4, 3/4 along fraction tiles but stops at 4/4, unsure what comes next.',
        ],
      ],
      [
        'Builds and names any fraction with denominator 2, 3, 4, 6 or 8, including fractions greater than 1, as a number of unit fractions, with tiles, drawings or words.',
        [
          'Builds 5/3 from five 1/3 tiles and explains that it is more than one whole.',
          'Counts by eighths aloud from 1/8 to 10/8 and records each number.',
          'Explains that the numerator tells how many unit fractions there are and the denominator tells their size.',
        ],
      ],
      [
        'Uses unit-fraction reasoning flexibly to solve problems and to critique other people’s fraction names.',
        [
          'Explains why a classmate’s answer of 3/5 for a picture with 3 of 8 equal parts shaded is wrong.',
          'Works out how many 1/6 pieces make 2 wholes and justifies the answer without a model.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.3',
    domain: 'FR-UF',
    levels: G3,
    hours: 3,
    evidence: ['test', 'demonstration'],
    statement:
      'Represent a unit fraction 1/b on a number line diagram by defining the interval from 0 to 1 as the whole and partitioning it into b equal parts.',
    iCan: 'I can find 1/b on a number line by splitting the space from 0 to 1 into b equal parts.',
    after: ['FR.3.1'],
    align: [['3.NF.A.2.a', 'exact']],
    phases: [
      [
        'Treats the number line as tick marks to count rather than as lengths; may count the mark at 0 as a part.',
        [
          'Counts tick marks (including the one at 0) instead of spaces, and so marks 1/4 in the wrong place on a line cut into fourths.',
          'Partitions the interval from 0 to 1 into visibly unequal spaces.',
        ],
      ],
      [
        'Places unit fractions on a line already partitioned from 0 to 1; partitions the interval evenly for halves and fourths but not yet for thirds or sixths.',
        [
          'Labels 1/4 on a number line already divided into fourths.',
          'Draws a number line divided into halves and labels 1/2, but spaces thirds unevenly.',
        ],
      ],
      [
        'Partitions the interval from 0 to 1 into b equal parts (b = 2, 3, 4, 6, 8), labels 1/b at the end of the first part, and explains that 1/b is the length from 0 to that point.',
        [
          'Partitions 0 to 1 into 6 equal parts, labels 1/6, and explains “the distance from 0 to here is one of six equal parts of the whole”.',
          'Finds the error when 1/3 is marked on a line where the interval from 0 to 2 has been cut into 3 parts.',
        ],
      ],
      [
        'Locates unit fractions on number lines that show a whole other than 0 to 1 or that do not start at 0, and connects the number line to other fraction models.',
        [
          'Places 1/4 on a line that shows only 0 and 2.',
          'Explains how a paper strip folded into eighths becomes a number line from 0 to 1.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.4',
    domain: 'FR-UF',
    levels: G3,
    hours: 4,
    evidence: ['test', 'performance-task', 'demonstration'],
    statement:
      'Represent a fraction a/b on a number line diagram by marking off a lengths of 1/b from 0, recognizing that the endpoint locates a/b, including fractions greater than 1.',
    iCan: 'I can place any fraction, like 3/4 or 5/4, on a number line by counting lengths of 1/4 from 0.',
    after: ['FR.3.2', 'FR.3.3'],
    align: [['3.NF.A.2.b', 'exact']],
    phases: [
      [
        'Places fractions on a number line only with support; confuses a fraction’s position with a count of tick marks.',
        [
          'Needs the line pre-labeled in unit fractions to find 3/4.',
          'Places 3/4 at the third mark of a line partitioned into fifths.',
        ],
      ],
      [
        'Locates fractions less than 1 on a line partitioned into the right unit; unsure how to continue past 1.',
        [
          'Places 3/4 on a number line partitioned into fourths by counting three jumps of 1/4 from 0.',
          'Stops at 1 when asked to place 5/4, saying fractions cannot be bigger than 1.',
        ],
      ],
      [
        'Marks off a lengths of 1/b from 0 to locate any fraction a/b with denominator 2, 3, 4, 6 or 8, including fractions greater than 1, and explains why the endpoint names the fraction.',
        [
          'Places 3/4 on a number line partitioned into fourths and explains that it is three lengths of 1/4 from 0.',
          'Locates 7/4 between 1 and 2 on a line from 0 to 2 and explains why it is there.',
          'Labels every point on a line from 0 to 2 partitioned into thirds.',
        ],
      ],
      [
        'Uses the number line to reason about fractions in unfamiliar situations, such as lines with missing labels or a different whole.',
        [
          'Names the fraction at a marked point on a number line labeled only with 0 and 2/3.',
          'Explains why 5/6 and 5/3 cannot be at the same point.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.5',
    domain: 'FR-EC',
    levels: G3,
    hours: 3,
    evidence: ['demonstration', 'test', 'observation'],
    statement: 'Understand two fractions as equivalent (equal) if they are the same size, or the same point on a number line.',
    iCan: 'I can show that two fractions are equal because they cover the same amount or land on the same point on a number line.',
    after: ['FR.3.4'],
    align: [['3.NF.A.3.a', 'exact']],
    phases: [
      [
        'Believes fractions written with different numbers must be different amounts.',
        [
          'Says 2/4 is bigger than 1/2 “because 2 and 4 are bigger numbers”.',
          'Compares fraction pieces cut from wholes of different sizes.',
        ],
      ],
      [
        'Recognizes equivalence when the models are lined up for them, but does not yet explain it or use the number line on their own.',
        [
          'Sees that the 1/2 and 2/4 fraction strips match in length when laid side by side.',
          'Needs the halves and fourths number lines drawn one above the other to notice that 1/2 and 2/4 line up.',
        ],
      ],
      [
        'Shows and explains that two fractions are equivalent because they are the same size of the same whole or the same point on a number line.',
        [
          'Uses two aligned number lines (halves and fourths) to show that 1/2 and 2/4 are the same point, and says why.',
          'Explains with fraction strips that 2/3 and 4/6 cover the same length of the same whole.',
        ],
      ],
      [
        'Explains that one point on the number line has many fraction names, and checks claims of equivalence across different models.',
        [
          'Lists several names for the point halfway between 0 and 1 and explains why they all name the same number.',
          'Explains why 1/2 of a small pizza and 1/2 of a large pizza are not the same amount even though the fractions are equal.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.6',
    domain: 'FR-EC',
    levels: G3,
    hours: 4,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Recognize and generate simple equivalent fractions (e.g. 1/2 = 2/4, 4/6 = 2/3) and explain why they are equivalent using a visual fraction model.',
    iCan: 'I can find equal fractions, like 1/2 = 2/4, and use a drawing to prove they are equal.',
    after: ['FR.3.5'],
    align: [['3.NF.A.3.b', 'exact']],
    phases: [
      [
        'Recalls 1/2 = 2/4 as a fact but cannot produce or justify other equivalent fractions.',
        ['States 1/2 = 2/4 from memory but cannot find another fraction equal to 1/3.'],
      ],
      [
        'Generates equivalent fractions by splitting each part of a model in two, mostly for halves and fourths; the explanation relies on the picture alone.',
        [
          'Splits each fourth of a strip in half to show 3/4 = 6/8.',
          'Writes 2/3 = 4/6 correctly after drawing it, but cannot say why both the numerator and the denominator changed.',
        ],
      ],
      [
        'Generates equivalent fractions with denominators 2, 3, 4, 6 and 8 and explains, with a model, that there are more parts of a smaller size but the same amount.',
        [
          'Uses an area model to show 4/6 = 2/3 and explains “each third was cut into two sixths, so two thirds is four sixths”.',
          'Completes 3/4 = ?/8 and justifies the answer with a fraction strip or a number line.',
        ],
      ],
      [
        'Notices and explains the pattern behind equivalent fractions and uses it to judge claims.',
        [
          'Explains why 2/3 is not equal to 3/4 even though both are “one piece away from a whole”.',
          'Finds every fraction equal to 1/2 with a denominator up to 8 and describes the pattern.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.7',
    domain: 'FR-EC',
    levels: G3,
    hours: 2,
    evidence: ['test', 'demonstration'],
    statement:
      'Express whole numbers as fractions and recognize fractions that are equivalent to whole numbers (e.g. 3 = 3/1, 6/1 = 6, and 4/4 and 1 at the same point of a number line).',
    iCan: 'I can write whole numbers as fractions, like 1 = 4/4 and 3 = 3/1, and find them on a number line.',
    after: ['FR.3.4'],
    align: [['3.NF.A.3.c', 'exact']],
    phases: [
      [
        'Sees whole numbers and fractions as different kinds of numbers.',
        ['Says 4/4 “is a fraction, not a number like 1”.', 'Cannot place 4/4 on a number line from 0 to 2.'],
      ],
      [
        'Recognizes that b/b = 1 with a model; unsure about fractions such as 6/3 or 3/1.',
        ['Shades all four fourths of a rectangle and says it is one whole.', 'Writes 8/4 = 1 “because it is a whole”.'],
      ],
      [
        'Writes whole numbers as fractions and fractions as whole numbers, and locates both at the same point on the number line.',
        [
          'Locates 4/4 and 1 at the same point of a number line diagram.',
          'Writes 3 = 3/1 and 2 = 6/3 and explains each with a model.',
        ],
      ],
      [
        'Explains what a denominator of 1 means and moves flexibly between whole numbers and fractions in problems.',
        [
          'Explains 3/1 with three wholes that are not partitioned.',
          'Names 2 as a fraction in four different ways, each with a different denominator.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.8',
    domain: 'FR-EC',
    levels: G3,
    hours: 4,
    evidence: ['test', 'performance-task', 'observation'],
    statement:
      'Compare two fractions with the same numerator or the same denominator by reasoning about their size, recognizing that comparisons are valid only when both fractions refer to the same whole; record comparisons with >, = or < and justify them.',
    iCan: 'I can compare fractions that have the same top number or the same bottom number, and explain which is bigger.',
    after: ['FR.3.2'],
    align: [['3.NF.A.3.d', 'exact']],
    phases: [
      [
        'Compares fractions by comparing the whole numbers in them.',
        ['Says 1/8 > 1/4 because 8 > 4.', 'Uses the symbols > and < inconsistently.'],
      ],
      [
        'Compares fractions with the same denominator correctly; uses a model to compare fractions with the same numerator but does not yet explain the result.',
        [
          'Writes 3/6 < 5/6 and says “five pieces is more than three pieces of the same size”.',
          'Draws 2/3 and 2/8 to compare them but uses wholes of different sizes.',
        ],
      ],
      [
        'Compares fractions with the same numerator or the same denominator by reasoning about the size of the parts, records the result with >, = or <, and justifies it, noting that the wholes must be the same.',
        [
          'Explains that 2/3 > 2/8 because thirds are larger pieces than eighths of the same whole.',
          'Records 5/8 > 3/8 and justifies it with a number line.',
          'Explains why “I ate 1/2 of my pizza and you ate 1/2 of yours, so we ate the same amount” may not be true.',
        ],
      ],
      [
        'Chooses between numerator and denominator reasoning and extends it to order three or more fractions.',
        [
          'Orders 3/4, 3/8 and 3/6 from least to greatest without drawing, and explains the reasoning.',
          'Writes a comparison problem in which the size of the whole matters and explains the trap.',
        ],
      ],
    ],
  },
  {
    code: 'FR.3.9',
    domain: 'FR-MD',
    levels: G3,
    hours: 4,
    evidence: ['performance-task', 'product', 'observation'],
    statement:
      'Generate measurement data by measuring lengths with rulers marked in halves and fourths of an inch, and show the data on a line plot scaled in whole numbers, halves or quarters.',
    iCan: 'I can measure to the nearest half or quarter inch and show my measurements on a line plot.',
    after: [{ code: 'FR.3.4', note: 'A ruler is a number line partitioned into halves and fourths.' }],
    align: [['3.MD.B.4', 'exact']],
    phases: [
      [
        'Reads the whole-inch marks on a ruler but does not yet interpret the smaller marks.',
        ['Measures a crayon as “3 and some” inches.', 'Starts measuring from the end of the ruler instead of from 0.'],
      ],
      [
        'Measures to the nearest half inch; confuses the half-inch and quarter-inch marks; the line plot’s scale is uneven.',
        ['Reads the 2 3/4-inch mark as 2 1/4 inches.', 'Draws a line plot whose halves and quarters are unevenly spaced.'],
      ],
      [
        'Measures lengths to the nearest quarter inch, records them as fractions or mixed numbers, and makes an accurate line plot scaled in quarters.',
        [
          'Measures 10 classroom objects to the nearest 1/4 inch and records each length as a mixed number.',
          'Builds a line plot from 0 to 6 inches scaled in quarters and plots every measurement with an X.',
          'Answers questions about the plot, such as how many objects are longer than 4 1/2 inches.',
        ],
      ],
      [
        'Designs a small measurement investigation and uses the line plot to describe the data.',
        [
          'Plans a survey of the lengths of the class’s pencils and writes what the line plot shows.',
          'Explains why a ruler is a number line partitioned into fourths.',
        ],
      ],
    ],
  },

  // ── Grade 4 ────────────────────────────────────────────────────────────────────────────
  {
    code: 'FR.4.1',
    domain: 'FR-EC',
    levels: G4,
    hours: 5,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Explain why a fraction a/b is equivalent to (n × a)/(n × b) using visual fraction models, attending to how the number and size of the parts change while the amount stays the same; use this principle to recognize and generate equivalent fractions.',
    iCan: 'I can explain why multiplying the top and bottom of a fraction by the same number gives an equal fraction, and use this to find equal fractions.',
    notes: 'Grade 4 denominators: 2, 3, 4, 5, 6, 8, 10, 12 and 100.',
    after: ['FR.3.6'],
    align: [['4.NF.A.1', 'exact']],
    phases: [
      [
        'Finds equivalent fractions only by drawing, or applies an invalid rule such as adding the same number to the numerator and denominator.',
        ['Writes 2/3 = 3/4 by adding 1 to the numerator and to the denominator.', 'Needs a drawing to find any equivalent fraction.'],
      ],
      [
        'Uses the multiplication rule to generate equivalent fractions but describes it as a trick rather than explaining it.',
        [
          'Writes 3/5 = 12/20 correctly but says “you just times both by 4”.',
          'Draws an area model for 2/3 = 8/12 but partitions the thirds unevenly.',
        ],
      ],
      [
        'Generates equivalent fractions with grade 4 denominators and explains, with a model, that multiplying by n/n makes n times as many parts, each 1/n of the size, so the amount is unchanged.',
        [
          'Uses an area model to show 2/3 = 8/12, explaining that each third is cut into 4 equal parts, so there are 4 times as many parts, each a quarter of the size.',
          'Finds fractions equal to 3/4 with denominators 12 and 100 and justifies each.',
          'Decides whether 4/6 and 6/9 are equivalent by finding a common name for both.',
        ],
      ],
      [
        'Works backwards to simpler forms and reasons about equivalence without models, including why some fractions have no equivalent with a given denominator.',
        [
          'Explains why 1/3 has no equivalent fraction with denominator 10.',
          'Rewrites 18/24 with the smallest possible denominator and explains each step.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.2',
    domain: 'FR-EC',
    levels: G4,
    hours: 5,
    evidence: ['test', 'performance-task', 'observation'],
    statement:
      'Compare two fractions with different numerators and different denominators by creating common denominators or numerators, or by comparing to a benchmark such as 1/2; recognize that comparisons are valid only when both fractions refer to the same whole; record comparisons with >, = or < and justify them.',
    iCan: 'I can compare any two fractions using common denominators, common numerators or benchmarks like 1/2, and explain my thinking.',
    after: ['FR.3.8', 'FR.4.1'],
    align: [['4.NF.A.2', 'exact']],
    phases: [
      [
        'Compares fractions with unlike numerators and denominators by comparing the numerators or the denominators separately.',
        ['Says 3/8 > 2/3 because 3 > 2 and 8 > 3.', 'Cannot say whether 5/8 is more or less than 1/2.'],
      ],
      [
        'Compares correctly with one strategy (usually common denominators) when prompted; does not yet choose an efficient strategy or justify fully.',
        [
          'Rewrites 2/3 and 3/4 as 8/12 and 9/12 when told to, then compares them.',
          'Uses 1/2 as a benchmark only when one fraction is clearly above it and the other clearly below.',
        ],
      ],
      [
        'Compares any two fractions with grade 4 denominators, choosing among common denominators, common numerators and benchmarks, records the result, and justifies it with a model or reasoning.',
        [
          'Compares 5/8 and 3/5 by noticing that both are just above 1/2, then finds a common denominator to decide.',
          'Explains that 4/5 > 4/7 by reasoning about common numerators.',
          'Justifies 7/12 < 2/3 with a number line.',
        ],
      ],
      [
        'Orders sets of fractions efficiently and explains why each strategy works, including comparing distances from 1.',
        [
          'Orders 5/6, 7/8 and 3/4 by comparing how far each is from 1.',
          'Explains when common numerators are quicker than common denominators.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.3',
    domain: 'FR-AS',
    levels: G4,
    hours: 4,
    evidence: ['test', 'demonstration', 'observation'],
    statement:
      'Understand addition and subtraction of fractions as joining and separating parts referring to the same whole, and add and subtract fractions with like denominators.',
    iCan: 'I can add and subtract fractions with the same denominator by joining or taking away pieces of the same whole.',
    after: ['FR.3.2'],
    align: [['4.NF.B.3.a', 'exact']],
    phases: [
      [
        'Adds numerators and denominators; does not yet connect the computation to joining parts.',
        ['Writes 2/5 + 1/5 = 3/10.', 'Cannot show a sum of fractions with fraction strips.'],
      ],
      [
        'Adds fractions with like denominators correctly using a model; the explanation of why the denominator stays the same is unclear.',
        ['Shows 3/8 + 2/8 with fraction tiles and writes 5/8.', 'Says the denominator stays the same “because that’s the rule”.'],
      ],
      [
        'Adds and subtracts fractions with like denominators, including sums greater than 1, and explains that the size of the parts does not change when parts of the same whole are joined or separated.',
        [
          'Explains 2/5 + 1/5 = 3/5 as “two fifths and one more fifth make three fifths”.',
          'Computes 7/6 − 3/6 and shows it on a number line.',
        ],
      ],
      [
        'Explains why adding numerators and denominators gives a wrong result, and recognizes problems in which the wholes are different.',
        [
          'Uses a model to show why 1/2 + 1/2 is not 2/4.',
          'Explains why 1/4 of one cake plus 1/4 of a different-sized cake is not 2/4 of either cake.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.4',
    domain: 'FR-AS',
    levels: G4,
    hours: 3,
    evidence: ['product', 'test', 'demonstration'],
    statement:
      'Decompose a fraction into a sum of fractions with the same denominator in more than one way, recording each decomposition by an equation and justifying it with a visual fraction model (e.g. 3/8 = 1/8 + 2/8; 2 1/8 = 8/8 + 8/8 + 1/8).',
    iCan: 'I can break a fraction into smaller fractions with the same denominator in different ways, like 3/8 = 1/8 + 2/8.',
    after: ['FR.4.3', { code: 'FR.3.7', note: 'Decomposing mixed numbers needs 1 = b/b.' }],
    align: [['4.NF.B.3.b', 'exact']],
    phases: [
      [
        'Decomposes a fraction only into unit fractions, and only with a model.',
        ['Writes 3/8 = 1/8 + 1/8 + 1/8 after building it with tiles, but cannot find a second way.'],
      ],
      [
        'Finds more than one decomposition of fractions less than 1; unsure with mixed numbers.',
        ['Writes 4/5 = 1/5 + 3/5 and 4/5 = 2/5 + 2/5.', 'Cannot decompose 2 1/8 into fractions with denominator 8.'],
      ],
      [
        'Decomposes fractions and mixed numbers into sums with the same denominator in several ways, records each as an equation and justifies it with a model.',
        [
          'Records three different decompositions of 5/6 and shows each with a fraction strip.',
          'Writes 2 1/8 = 8/8 + 8/8 + 1/8 and explains why 1 = 8/8.',
        ],
      ],
      [
        'Uses decomposition strategically to compute and to solve problems.',
        [
          'Finds all the ways to write 5/8 as a sum of two fractions with denominator 8 and explains how they know none are missing.',
          'Adds 3/4 + 2/4 by decomposing to make a whole: 3/4 + 1/4 + 1/4 = 1 1/4.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.5',
    domain: 'FR-AS',
    levels: G4,
    hours: 5,
    evidence: ['test', 'product', 'performance-task'],
    statement:
      'Add and subtract mixed numbers with like denominators, by replacing each mixed number with an equivalent fraction and/or by using properties of operations and the relationship between addition and subtraction.',
    iCan: 'I can add and subtract mixed numbers with the same denominator, like 3 1/4 − 1 3/4.',
    after: ['FR.4.4'],
    align: [['4.NF.B.3.c', 'exact']],
    phases: [
      [
        'Adds the whole numbers and the fractions separately without regrouping; subtraction that needs regrouping stalls.',
        ['Writes 2 3/4 + 1 2/4 = 3 5/4 and stops, unsure whether that is allowed.', 'Cannot start 3 1/4 − 1 3/4.'],
      ],
      [
        'Adds mixed numbers and rewrites results greater than 1; subtraction that needs regrouping works only with a model.',
        ['Rewrites 3 5/4 as 4 1/4.', 'Solves 3 1/4 − 1 3/4 with a drawing but not with numbers.'],
      ],
      [
        'Adds and subtracts mixed numbers with like denominators, including regrouping, by converting to fractions greater than 1 or by decomposing, and checks answers with the inverse operation.',
        [
          'Computes 3 1/4 − 1 3/4 = 1 2/4 by rewriting 3 1/4 as 2 5/4, then checks by adding 1 2/4 + 1 3/4.',
          'Solves 2 5/8 + 1 7/8 in two ways: by converting to eighths and by adding wholes and parts separately.',
        ],
      ],
      [
        'Chooses efficient strategies such as compensation and explains why they work.',
        [
          'Computes 4 1/6 − 1 5/6 by adding 1/6 to both numbers (4 2/6 − 2) and explains why the difference does not change.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.6',
    domain: 'FR-AS',
    levels: G4,
    hours: 4,
    evidence: ['performance-task', 'test', 'portfolio'],
    statement:
      'Solve word problems involving addition and subtraction of fractions referring to the same whole and having like denominators, using visual fraction models and equations to represent the problem.',
    iCan: 'I can solve story problems that add or subtract fractions with the same denominator, and show my thinking with a model and an equation.',
    after: ['FR.4.5'],
    align: [['4.NF.B.3.d', 'exact']],
    phases: [
      [
        'Finds the numbers in a story problem but not the operation; relies on key words.',
        ['Adds 5/8 and 3/8 in a “how much more” problem because it contains the word “more”.'],
      ],
      [
        'Solves one-step problems with a model; writes an equation after solving rather than to represent the problem.',
        [
          'Draws a strip to solve “Maya ran 3/4 mile and then 2/4 mile more” and gets 5/4.',
          'Gives the answer without units or without saying what it means in the story.',
        ],
      ],
      [
        'Solves one- and two-step word problems with like denominators, including mixed numbers, represents each with a model and an equation, and interprets the answer in context.',
        [
          'Represents “A ribbon is 2 3/8 yards long. Li cuts off 7/8 yard. How much is left?” with an equation and a number line and answers 1 4/8 yards.',
          'Explains why the answer to a two-step problem is reasonable, e.g. “it has to be less than the 2 3/8 yards we started with”.',
        ],
      ],
      [
        'Writes and critiques fraction word problems, including ones in which the wholes differ.',
        [
          'Writes a subtraction story for 9/4 − 3/4 and solves it in two ways.',
          'Spots that a problem adding 1/2 of a small pizza to 1/2 of a large pizza cannot be answered as “one pizza”.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.7',
    domain: 'FR-MU',
    levels: G4,
    hours: 3,
    evidence: ['test', 'demonstration'],
    statement: 'Understand a fraction a/b as a multiple of 1/b, representing it with a visual fraction model and an equation (e.g. 5/4 = 5 × (1/4)).',
    iCan: 'I can write a fraction as a multiplication, like 5/4 = 5 × 1/4.',
    after: [{ code: 'FR.4.4', note: 'Repeated addition of a unit fraction comes before multiplication.' }],
    align: [['4.NF.B.4.a', 'exact']],
    phases: [
      [
        'Sees a fraction as two separate numbers and does not connect it to repeated addition of a unit fraction.',
        ['Cannot write 3/5 as a sum of unit fractions without tiles.'],
      ],
      [
        'Writes a/b as repeated addition of 1/b but not yet as a multiplication.',
        ['Writes 5/4 = 1/4 + 1/4 + 1/4 + 1/4 + 1/4 but leaves 5/4 = ? × 1/4 blank.'],
      ],
      [
        'Represents any fraction a/b as a × (1/b) with a model and an equation, including fractions greater than 1.',
        [
          'Draws 7/3 as 7 groups of 1/3 and writes 7/3 = 7 × (1/3).',
          'Explains how “five groups of one fourth” matches both 5 × (1/4) and 5/4.',
        ],
      ],
      [
        'Connects multiples of a unit fraction to whole-number multiplication and uses them to reason about size.',
        ['Explains that 12 × (1/4) = 3 by grouping the fourths into wholes.'],
      ],
    ],
  },
  {
    code: 'FR.4.8',
    domain: 'FR-MU',
    levels: G4,
    hours: 4,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Understand a multiple of a/b as a multiple of 1/b and use this to multiply a fraction by a whole number (e.g. 3 × (2/5) = 6 × (1/5) = 6/5; in general n × (a/b) = (n × a)/b).',
    iCan: 'I can multiply a whole number by a fraction, like 3 × 2/5 = 6/5, and show why with a model.',
    after: ['FR.4.7'],
    align: [['4.NF.B.4.b', 'exact']],
    phases: [
      ['Multiplies both the numerator and the denominator by the whole number.', ['Writes 3 × 2/5 = 6/15.']],
      [
        'Finds n × (a/b) by repeated addition with a model, or uses the numerator rule without being able to explain it.',
        ['Adds 2/5 + 2/5 + 2/5 to get 6/5.', 'Gets 4 × 3/8 = 12/8 but cannot explain why the denominator stays 8.'],
      ],
      [
        'Multiplies a fraction by a whole number and explains with a model that n × (a/b) is n × a copies of 1/b.',
        ['Uses a number line to show 3 × (2/5) = 6 × (1/5) = 6/5.', 'Computes 4 × (5/6) = 20/6 and rewrites it as 3 2/6.'],
      ],
      [
        'Reasons about the size of products of fractions and whole numbers without computing them exactly.',
        ['Explains why 6 × (3/4) must be between 4 and 5 without computing it.'],
      ],
    ],
  },
  {
    code: 'FR.4.9',
    domain: 'FR-MU',
    levels: G4,
    hours: 4,
    evidence: ['performance-task', 'test', 'portfolio'],
    statement:
      'Solve word problems involving multiplication of a fraction by a whole number, using visual fraction models and equations to represent the problem.',
    iCan: 'I can solve story problems like “5 people each eat 3/8 pound — how much is that in all?” and say which two whole numbers the answer is between.',
    after: ['FR.4.8'],
    align: [['4.NF.B.4.c', 'exact']],
    phases: [
      [
        'Chooses addition or an unrelated operation; does not recognize equal groups of a fraction.',
        ['Adds 5 + 3/8 for “each of 5 people eats 3/8 pound”.'],
      ],
      [
        'Solves with repeated addition and a model; the equation or the interpretation in context is incomplete.',
        ['Draws 5 groups of 3/8 and counts to 15/8, but does not say what 15/8 means in pounds.'],
      ],
      [
        'Represents equal-groups situations with n × (a/b), solves them, and interprets the answer in context, including between which two whole numbers it lies.',
        [
          'Solves “Each person at a party will eat 3/8 pound of roast beef. There will be 5 people. How many pounds are needed?” as 5 × 3/8 = 15/8 pounds and says this is between 1 and 2 pounds.',
          'Writes an equation and draws a model for a recipe that needs 2/3 cup of flour per batch, for 4 batches.',
        ],
      ],
      [
        'Writes problems for a given expression and solves multi-step problems involving multiples of fractions.',
        [
          'Writes a story for 6 × (3/4) and checks a classmate’s solution.',
          'Solves “4 runners each run 5/8 mile. How much farther must they go to reach 3 miles together?”',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.10',
    domain: 'FR-DF',
    levels: G4,
    hours: 3,
    evidence: ['test', 'demonstration'],
    statement:
      'Express a fraction with denominator 10 as an equivalent fraction with denominator 100, and use this to add two fractions with denominators 10 and 100 (e.g. 3/10 + 4/100 = 30/100 + 4/100 = 34/100).',
    iCan: 'I can change tenths into hundredths and add tenths and hundredths, like 3/10 + 4/100 = 34/100.',
    after: ['FR.4.1', 'FR.4.3'],
    align: [['4.NF.C.5', 'exact']],
    phases: [
      [
        'Adds across different denominators; does not yet see tenths as groups of hundredths.',
        ['Writes 3/10 + 4/100 = 7/110.', 'Cannot show 3/10 on a hundred grid.'],
      ],
      [
        'Converts tenths to hundredths on a hundred grid; needs a prompt to convert before adding.',
        ['Shades 3 columns of a hundred grid and names the amount 30/100.', 'Adds 3/10 + 4/100 correctly only after being reminded to rename the tenths.'],
      ],
      [
        'Rewrites tenths as hundredths and adds fractions with denominators 10 and 100, explaining with a hundred grid or a base-ten model.',
        ['Computes 6/10 + 25/100 = 85/100 and shows it on a hundred grid.', 'Explains why 3/10 = 30/100 using 10 equal parts, each split into 10.'],
      ],
      [
        'Uses tenths and hundredths in money and measurement contexts and explains the link to place value.',
        ['Works out that a dime and 7 pennies is 1/10 + 7/100 = 17/100 of a dollar.'],
      ],
    ],
  },
  {
    code: 'FR.4.11',
    domain: 'FR-DF',
    levels: G4,
    hours: 4,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Use decimal notation for fractions with denominators 10 or 100 (e.g. rewrite 0.62 as 62/100, describe a length as 0.62 meters, locate 0.62 on a number line diagram).',
    iCan: 'I can write tenths and hundredths as decimals, like 62/100 = 0.62, and find them on a number line.',
    after: ['FR.4.10'],
    align: [['4.NF.C.6', 'exact']],
    phases: [
      [
        'Reads decimals as whole numbers; unsure what the digits after the decimal point mean.',
        ['Reads 0.62 as “sixty-two” with no reference to hundredths.', 'Writes 7/100 as 0.7.'],
      ],
      [
        'Converts between fractions and decimals for two-digit hundredths; struggles with zeros and with placing decimals on a number line.',
        ['Writes 62/100 = 0.62 but 5/100 = 0.5.', 'Places 0.62 between 0.6 and 0.7 only after labeling every tenth.'],
      ],
      [
        'Writes fractions with denominators 10 and 100 in decimal notation and back, describes measurements with decimals, and locates decimals on a number line.',
        [
          'Rewrites 0.62 as 62/100, describes a 62-centimeter string as 0.62 meters, and locates 0.62 on a number line from 0 to 1.',
          'Explains why 3/10, 30/100, 0.3 and 0.30 all name the same point.',
        ],
      ],
      [
        'Explains the place-value structure behind decimal notation and extends it to mixed numbers.',
        ['Writes 2 7/100 as 2.07 and explains why the 0 is needed.'],
      ],
    ],
  },
  {
    code: 'FR.4.12',
    domain: 'FR-DF',
    levels: G4,
    hours: 3,
    evidence: ['test', 'observation', 'performance-task'],
    statement:
      'Compare two decimals to hundredths by reasoning about their size, recognizing that comparisons are valid only when both decimals refer to the same whole; record comparisons with >, = or < and justify them with a visual model.',
    iCan: 'I can compare decimals like 0.5 and 0.45 and use a model to show which is bigger.',
    after: ['FR.4.11', { code: 'FR.4.2', note: 'The same reasoning about size and about the same whole as for fractions.' }],
    align: [['4.NF.C.7', 'exact']],
    phases: [
      ['Compares decimals as if they were whole numbers.', ['Says 0.45 > 0.5 because 45 > 5.']],
      [
        'Compares decimals with the same number of digits; needs a model when the number of digits differs.',
        ['Correctly compares 0.38 and 0.83.', 'Compares 0.5 and 0.45 correctly only after shading two hundred grids.'],
      ],
      [
        'Compares decimals to hundredths by reasoning about tenths and hundredths, records the comparison, and justifies it with a hundred grid, a number line or equivalent fractions.',
        ['Justifies 0.5 > 0.45 by rewriting 0.5 as 0.50 and showing both on a hundred grid.', 'Orders 0.7, 0.07 and 0.17 on a number line.'],
      ],
      [
        'Explains common misconceptions about decimal size and applies decimal comparison in measurement and money contexts.',
        [
          'Gives a counterexample to “the longer decimal is always bigger” and explains it to a classmate.',
          'Decides which of two long jumps, 1.35 m or 1.4 m, is longer and explains why.',
        ],
      ],
    ],
  },
  {
    code: 'FR.4.13',
    domain: 'FR-MD',
    levels: G4,
    hours: 4,
    evidence: ['performance-task', 'product', 'portfolio'],
    statement:
      'Make a line plot to display a data set of measurements in fractions of a unit (1/2, 1/4, 1/8), and solve problems involving addition and subtraction of fractions using information in the line plot.',
    iCan: 'I can make a line plot of measurements in halves, fourths and eighths, and use it to answer questions by adding and subtracting fractions.',
    after: ['FR.3.9', 'FR.4.6'],
    align: [
      ['4.MD.B.4', 'exact'],
      ['4.NF.B.3.d', 'related'],
    ],
    phases: [
      [
        'Makes a line plot with a whole-number scale only; fractional data are placed roughly.',
        ['Plots 2 3/8 at about the right place on a line labeled only in whole numbers.'],
      ],
      [
        'Makes a line plot scaled in eighths with support; reads single values but struggles to combine them.',
        [
          'Labels a line plot in eighths after renaming 1/2 and 1/4 as 4/8 and 2/8 with help.',
          'Finds the longest measurement but not the difference between the longest and the shortest.',
        ],
      ],
      [
        'Makes an accurate line plot of measurements in halves, fourths and eighths, and uses it to solve problems that add and subtract fractions.',
        [
          'From a line plot of insect lengths, finds and interprets the difference between the longest and shortest specimens.',
          'Finds the total length of all the specimens that measure 1 3/8 inches.',
        ],
      ],
      [
        'Poses and answers their own questions about a data set and explains what the distribution shows.',
        ['Writes two questions that can be answered from the class line plot and answers them with equations.'],
      ],
    ],
  },

  // ── Grade 5 ────────────────────────────────────────────────────────────────────────────
  {
    code: 'FR.5.1',
    domain: 'FR-AS',
    levels: G5,
    hours: 5,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Add and subtract fractions with unlike denominators by replacing them with equivalent fractions that have a common denominator (e.g. 2/3 + 5/4 = 8/12 + 15/12 = 23/12).',
    iCan: 'I can add and subtract fractions with different denominators by first rewriting them as equal fractions with the same denominator.',
    notes: 'Mixed numbers with unlike denominators follow in FR.5.2; together the two competencies cover 5.NF.A.1.',
    after: ['FR.4.1', 'FR.4.3'],
    align: [['5.NF.A.1', 'partial']],
    phases: [
      [
        'Adds numerators and denominators, or does not see why a common denominator is needed.',
        ['Writes 1/2 + 1/3 = 2/5.', 'Notices that the denominators are different but does not know what to do about it.'],
      ],
      [
        'Finds a common denominator when one denominator is a multiple of the other; struggles when neither is.',
        ['Computes 1/2 + 3/8 = 7/8 correctly.', 'Attempts 2/3 + 3/4 but renames only one of the fractions.'],
      ],
      [
        'Adds and subtracts any two fractions with unlike denominators by generating equivalent fractions with a common denominator, and explains with a model why this is needed.',
        [
          'Computes 2/3 + 5/4 = 8/12 + 15/12 = 23/12 and shows with an area model why twelfths work.',
          'Computes 5/6 − 1/4 = 10/12 − 3/12 = 7/12.',
        ],
      ],
      [
        'Chooses efficient common denominators and explains the general method a/b + c/d = (ad + bc)/bd.',
        [
          'Explains why 5/6 + 1/4 can use 12 rather than 24 as the common denominator.',
          'Explains why a/b + c/d = (ad + bc)/bd always works.',
        ],
      ],
    ],
  },
  {
    code: 'FR.5.2',
    domain: 'FR-AS',
    levels: G5,
    hours: 5,
    evidence: ['test', 'performance-task'],
    statement:
      'Add and subtract mixed numbers with unlike denominators by replacing the fractional parts with equivalent fractions, regrouping where needed.',
    iCan: 'I can add and subtract mixed numbers with different denominators, like 3 1/4 − 1 2/3.',
    after: ['FR.5.1', 'FR.4.5'],
    align: [['5.NF.A.1', 'partial']],
    phases: [
      [
        'Treats the whole-number and fraction parts as separate problems, reversing a subtraction when the fraction part is too small.',
        ['Writes 3 1/4 − 1 2/3 = 2 5/12 by subtracting 1/4 from 2/3.'],
      ],
      [
        'Adds mixed numbers with unlike denominators; subtraction that needs regrouping causes errors.',
        ['Computes 2 1/2 + 1 1/3 = 3 5/6 correctly.', 'Renames 3 1/4 − 1 2/3 as 3 3/12 − 1 8/12 but does not regroup.'],
      ],
      [
        'Adds and subtracts mixed numbers with unlike denominators, regrouping when needed, and checks the result by estimating or with the inverse operation.',
        [
          'Computes 3 1/4 − 1 2/3 = 1 7/12 by regrouping 3 3/12 as 2 15/12, then checks by adding.',
          'Estimates 4 5/6 + 2 3/8 as about 7 before computing 7 5/24.',
        ],
      ],
      [
        'Chooses between regrouping, converting to fractions greater than 1, and compensation, and explains which is most efficient.',
        ['Solves 5 − 2 3/5 in two ways and explains which is easier and why.'],
      ],
    ],
  },
  {
    code: 'FR.5.3',
    domain: 'FR-AS',
    levels: G5,
    hours: 5,
    evidence: ['performance-task', 'portfolio', 'test'],
    statement:
      'Solve word problems involving addition and subtraction of fractions referring to the same whole, including unlike denominators, using visual fraction models or equations; use benchmark fractions and number sense to estimate mentally and assess whether answers are reasonable.',
    iCan: 'I can solve story problems with fractions that have different denominators and use benchmarks like 1/2 to check that my answer makes sense.',
    after: ['FR.5.2', 'FR.4.6', { code: 'FR.4.2', note: 'Estimating with benchmark fractions.' }],
    align: [['5.NF.A.2', 'exact']],
    phases: [
      [
        'Computes with the numbers in the problem without modeling the situation or estimating.',
        ['Accepts 2/5 + 1/2 = 3/7 without noticing that the sum is smaller than 1/2.'],
      ],
      [
        'Solves one-step problems with unlike denominators; estimates only when asked to.',
        ['Solves “Sam walked 1/2 mile and then 2/3 mile” as 7/6 miles.', 'Makes an estimate when prompted but does not compare it with the answer.'],
      ],
      [
        'Solves one- and multi-step word problems with unlike denominators, represents them with models or equations, and uses benchmark fractions to estimate and to check that answers are reasonable.',
        [
          'Recognizes that 2/5 + 1/2 = 3/7 is incorrect by observing that 3/7 < 1/2.',
          'Solves “A recipe needs 3/4 cup of sugar. Ana has 1/3 cup. How much more does she need?” and checks that 5/12 is a little less than 1/2.',
        ],
      ],
      [
        'Creates and critiques multi-step problems and explains estimation strategies to others.',
        [
          'Writes a two-step problem with mixed numbers whose answer is close to 3 and explains how they designed it.',
          'Shows a classmate how rounding each fraction to 0, 1/2 or 1 gives a quick estimate.',
        ],
      ],
    ],
  },
  {
    code: 'FR.5.4',
    domain: 'FR-MU',
    levels: G5,
    hours: 4,
    evidence: ['test', 'demonstration', 'performance-task'],
    statement:
      'Interpret a fraction as division of the numerator by the denominator (a/b = a ÷ b), and solve word problems involving division of whole numbers that lead to answers in the form of fractions or mixed numbers.',
    iCan: 'I can explain why 3/4 means 3 ÷ 4, and solve sharing problems where the answer is a fraction.',
    after: ['FR.4.7'],
    align: [['5.NF.B.3', 'exact']],
    phases: [
      ['Sees the answer to a division only as a whole number with a remainder.', ['Answers “3 pizzas shared equally by 4 people” with “0 remainder 3”.']],
      [
        'Solves sharing problems with models but does not yet connect the result to a/b = a ÷ b.',
        ['Cuts 3 drawn pizzas into fourths and gives each person 3 pieces, but names the share “3 pieces” rather than 3/4 of a pizza.'],
      ],
      [
        'Explains that a/b = a ÷ b with sharing models and equations, and solves whole-number division problems with fraction or mixed-number answers, saying between which whole numbers the answer lies.',
        [
          'Explains that when 3 wholes are shared equally among 4 people each gets 3/4, and that 3/4 × 4 = 3.',
          'Solves “9 people share a 50-pound sack of rice equally. How many pounds does each get?” as 50/9 = 5 5/9 pounds, between 5 and 6.',
        ],
      ],
      [
        'Uses the division meaning of fractions to decide how to interpret a remainder in different contexts.',
        ['Explains when the answer to 50 ÷ 9 should be 5 5/9, 5 remainder 5, or 6, depending on the question asked.'],
      ],
    ],
  },
  {
    code: 'FR.5.5',
    domain: 'FR-MU',
    levels: G5,
    hours: 5,
    evidence: ['test', 'product', 'demonstration'],
    statement:
      'Interpret the product (a/b) × q as a parts of a partition of q into b equal parts (equivalently a × q ÷ b), and multiply a fraction or whole number by a fraction using visual models and story contexts (e.g. (2/3) × 4 = 8/3; (2/3) × (4/5) = 8/15).',
    iCan: 'I can multiply a fraction by a whole number or by another fraction, and show what it means with a model or a story.',
    after: ['FR.4.8', { code: 'FR.5.4', note: '(a/b) × q can be read as a × q ÷ b.' }],
    align: [['5.NF.B.4.a', 'exact']],
    phases: [
      [
        'Multiplies numerators and denominators as a procedure without meaning; may believe that multiplying always makes a number bigger.',
        ['Computes 2/3 × 4/5 = 8/15 but cannot show what it means.', 'Expects 1/2 × 6 to be more than 6.'],
      ],
      [
        'Models a fraction of a whole number and uses the algorithm; needs support to model a fraction of a fraction.',
        ['Shows 2/3 × 6 = 4 with counters.', 'Draws an area model for 2/3 × 4/5 with help partitioning the rectangle.'],
      ],
      [
        'Interprets and computes products of fractions and whole numbers with area or number-line models, and writes a story context for a given product.',
        [
          'Uses a visual fraction model to show (2/3) × 4 = 8/3 and writes a story for it.',
          'Draws an area model for (2/3) × (4/5) = 8/15 and explains where the 15 parts and the 8 shaded parts come from.',
        ],
      ],
      [
        'Explains the general rule (a/b) × (c/d) = ac/bd and connects fraction multiplication to the word “of”.',
        ['Explains with an area model why the denominators multiply.', 'Finds 3/4 of 2/3 mentally and explains the shortcut.'],
      ],
    ],
  },
  {
    code: 'FR.5.6',
    domain: 'FR-MU',
    levels: G5,
    hours: 4,
    evidence: ['performance-task', 'product', 'test'],
    statement:
      'Find the area of a rectangle with fractional side lengths by tiling it with unit squares of the appropriate unit-fraction side lengths, show that the area is the same as multiplying the side lengths, and represent fraction products as rectangular areas.',
    iCan: 'I can find the area of a rectangle with fraction side lengths by tiling it and by multiplying, and show that both ways agree.',
    after: ['FR.5.5'],
    align: [['5.NF.B.4.b', 'exact']],
    phases: [
      [
        'Finds areas only for whole-number side lengths; unsure how to tile with fractional squares.',
        ['Counts squares on a grid but cannot find the area of a rectangle 1/2 inch by 3/4 inch.'],
      ],
      [
        'Tiles a rectangle with unit-fraction pieces and counts them, but does not yet connect the count to multiplying the side lengths.',
        ['Draws a 3/4 by 2/3 rectangle inside a unit square and counts 6 of the 12 small pieces, without linking this to 3/4 × 2/3.'],
      ],
      [
        'Finds the area of rectangles with fractional side lengths both by tiling and by multiplying, explains why the results agree, and represents fraction products as rectangles.',
        [
          'Finds the area of a 2 1/2 by 1 1/4 inch rectangle by tiling with 1/4-inch squares and by multiplying, getting 3 1/8 square inches both ways.',
          'Draws a rectangle to represent (3/5) × (1/2).',
        ],
      ],
      [
        'Solves design problems with fractional dimensions and explains the area reasoning to others.',
        ['Designs a garden plan from beds with fractional dimensions that total exactly 6 square meters and justifies the total.'],
      ],
    ],
  },
  {
    code: 'FR.5.7',
    domain: 'FR-MU',
    levels: G5,
    hours: 3,
    evidence: ['observation', 'test', 'demonstration'],
    statement:
      'Interpret multiplication as scaling (resizing) by comparing the size of a product to the size of one factor on the basis of the size of the other factor, without performing the multiplication.',
    iCan: 'I can tell whether a product will be bigger or smaller than a number just by looking at what it is multiplied by.',
    after: ['FR.5.5'],
    align: [['5.NF.B.5.a', 'exact']],
    phases: [
      ['Believes multiplication always makes a number larger.', ['Predicts that 3/4 × 12 will be more than 12.']],
      [
        'Predicts correctly for whole-number factors and for 1/2, but calculates to decide for other fractions.',
        ['Says 1/2 × 8 is smaller than 8, but multiplies out 5/6 × 8 to decide.'],
      ],
      [
        'Predicts and explains, without computing, whether a product is greater than, less than or equal to a given factor, based on the size of the other factor.',
        [
          'Explains without multiplying that 3/4 × 225 < 225 because 3/4 is less than 1.',
          'Orders 7/8 × 40, 9/8 × 40 and 1 × 40 without calculating.',
        ],
      ],
      [
        'Uses scaling to judge reasonableness and to compare products of two fractions.',
        ['Explains why 5/6 × 4/7 must be less than both 5/6 and 4/7.'],
      ],
    ],
  },
  {
    code: 'FR.5.8',
    domain: 'FR-MU',
    levels: G5,
    hours: 3,
    evidence: ['demonstration', 'product', 'test'],
    statement:
      'Explain why multiplying a number by a fraction greater than 1 gives a product greater than the number and by a fraction less than 1 gives a smaller product, and relate fraction equivalence a/b = (n × a)/(n × b) to multiplying a/b by 1.',
    iCan: 'I can explain why multiplying by a fraction less than 1 makes a number smaller, and why making equal fractions is really multiplying by 1.',
    after: ['FR.5.7', 'FR.4.1'],
    align: [['5.NF.B.5.b', 'exact']],
    phases: [
      [
        'States “multiplying by a fraction makes it smaller” as a rule, including for fractions greater than 1.',
        ['Claims that 5/4 × 12 is less than 12.'],
      ],
      [
        'Explains the effect of a factor less than 1 with a model; fractions greater than 1 and the link to equivalence are not yet explained.',
        ['Uses a strip diagram to show that 2/3 of 9 is less than 9.', 'Cannot say why 3/4 × 2/2 = 6/8 gives an equivalent fraction.'],
      ],
      [
        'Explains, with models or reasoning, the effect of multiplying by fractions greater than, less than and equal to 1, and that generating an equivalent fraction multiplies by n/n = 1.',
        ['Explains that 3/4 × 2/2 = 6/8 is an equivalent fraction because 2/2 = 1.', 'Uses a number line to explain why 3/2 × 6 > 6 and 2/3 × 6 < 6.'],
      ],
      [
        'Applies scaling reasoning to contexts such as maps, recipes and enlargements.',
        ['Explains how a recipe changes when every amount is multiplied by 1 1/2 and when every amount is multiplied by 3/4.'],
      ],
    ],
  },
  {
    code: 'FR.5.9',
    domain: 'FR-MU',
    levels: G5,
    hours: 5,
    evidence: ['performance-task', 'portfolio', 'test'],
    statement: 'Solve real-world problems involving multiplication of fractions and mixed numbers, using visual fraction models or equations to represent the problem.',
    iCan: 'I can solve real-life problems that multiply fractions and mixed numbers, like finding 2/3 of a 1 1/2-mile trail.',
    after: ['FR.5.5', 'FR.4.9'],
    align: [['5.NF.B.6', 'exact']],
    phases: [
      [
        'Does not recognize “a fraction of” situations as multiplication; adds or subtracts instead.',
        ['Adds 3/4 + 2/3 for “Jo ate 3/4 of the 2/3 of a pan of brownies that was left”.'],
      ],
      [
        'Solves problems with a fraction times a whole number; needs support with mixed numbers and with a fraction of a fraction.',
        ['Solves “How many hours are in 3/4 of a day?” as 18.', 'Rewrites 1 1/2 as 3/2 only when prompted.'],
      ],
      [
        'Represents and solves real-world multiplication problems with fractions and mixed numbers, using models or equations, and interprets the product in context.',
        [
          'Finds that 2/3 of a 1 1/2-mile trail is 1 mile, using a number line.',
          'Solves “A recipe needs 2 1/4 cups of flour. How much is needed for 2/3 of the recipe?” as 1 1/2 cups.',
        ],
      ],
      [
        'Solves multi-step problems that combine multiplication with other operations and uses scaling to explain why the answer is reasonable.',
        ['Finds the area of a 3 1/2 by 2 3/4 foot tabletop and explains why the answer must be a bit less than 10 square feet.'],
      ],
    ],
  },
  {
    code: 'FR.5.10',
    domain: 'FR-MU',
    levels: G5,
    hours: 3,
    evidence: ['test', 'demonstration'],
    statement:
      'Interpret division of a unit fraction by a non-zero whole number and compute such quotients, using a visual model and the relationship between multiplication and division (e.g. (1/3) ÷ 4 = 1/12 because (1/12) × 4 = 1/3).',
    iCan: 'I can divide a unit fraction by a whole number, like 1/3 ÷ 4, and show it with a model.',
    after: ['FR.5.5'],
    align: [['5.NF.B.7.a', 'exact']],
    phases: [
      [
        'Applies a remembered rule without meaning and has no way to check the answer.',
        ['Writes 1/3 ÷ 4 = 4/3, or 12, and cannot say which is reasonable.'],
      ],
      [
        'Models sharing a unit fraction equally with a drawing; names the result with support.',
        ['Draws 1/3 of a pan shared among 4 people but names each share 1/4 instead of 1/12.'],
      ],
      [
        'Computes a unit fraction divided by a whole number, models it, creates a story context for it, and checks with multiplication.',
        [
          'Creates a story for (1/3) ÷ 4, draws a model, and explains that the answer is 1/12 because (1/12) × 4 = 1/3.',
          'Computes 1/2 ÷ 5 = 1/10 and checks it by multiplying.',
        ],
      ],
      ['Generalizes that (1/b) ÷ n = 1/(b × n) and explains why.', ['Explains without a model why 1/5 ÷ 3 must be 1/15.']],
    ],
  },
  {
    code: 'FR.5.11',
    domain: 'FR-MU',
    levels: G5,
    hours: 3,
    evidence: ['test', 'demonstration'],
    statement:
      'Interpret division of a whole number by a unit fraction and compute such quotients, using a visual model and the relationship between multiplication and division (e.g. 4 ÷ (1/5) = 20 because 20 × (1/5) = 4).',
    iCan: 'I can work out how many unit fractions fit into a whole number, like 4 ÷ 1/5 = 20.',
    after: ['FR.5.5'],
    align: [['5.NF.B.7.b', 'exact']],
    phases: [
      ['Expects division always to give a smaller answer.', ['Answers 4 ÷ 1/5 with 4/5.']],
      [
        'Counts how many unit fractions fit into a whole number with a model, but does not yet connect this to multiplication.',
        ['Counts 20 fifths on fraction strips for 4 wholes but cannot write an equation for it.'],
      ],
      [
        'Computes a whole number divided by a unit fraction, models it with a “how many groups?” story, and checks with multiplication.',
        [
          'Creates a story for 4 ÷ (1/5), uses a number line to show the quotient 20, and explains that 20 × (1/5) = 4.',
          'Explains why 3 ÷ (1/4) is greater than 3.',
        ],
      ],
      [
        'Reasons about the size of the quotient and links dividing by a unit fraction to multiplying by its denominator.',
        ['Explains why dividing a whole number by 1/8 gives the same result as multiplying it by 8.'],
      ],
    ],
  },
  {
    code: 'FR.5.12',
    domain: 'FR-MU',
    levels: G5,
    hours: 4,
    evidence: ['performance-task', 'portfolio', 'test'],
    statement:
      'Solve real-world problems involving division of unit fractions by non-zero whole numbers and division of whole numbers by unit fractions, using visual fraction models and equations.',
    iCan: 'I can solve real-life problems like sharing 1/2 pound of chocolate among 3 people or counting how many 1/3-cup servings are in 2 cups.',
    after: ['FR.5.10', 'FR.5.11'],
    align: [['5.NF.B.7.c', 'exact']],
    phases: [
      ['Chooses the wrong operation or the wrong order of the numbers.', ['Writes 3 ÷ 1/2 for “3 people share 1/2 pound of chocolate”.']],
      [
        'Solves one type of problem with a model but mixes up sharing problems and “how many groups?” problems.',
        ['Solves the raisin problem (2 ÷ 1/3 = 6) and then uses the same approach for the chocolate problem.'],
      ],
      [
        'Decides whether a situation divides a unit fraction by a whole number or a whole number by a unit fraction, writes and solves an equation, models it, and interprets the answer.',
        [
          'Solves “How much chocolate will each person get if 3 people share 1/2 lb equally?” as 1/6 lb, with a model.',
          'Solves “How many 1/3-cup servings are in 2 cups of raisins?” as 6 and explains why the answer is larger than 2.',
        ],
      ],
      [
        'Writes and solves problems for given division expressions and explains the difference between sharing and measuring situations.',
        ['Writes one sharing story and one “how many groups?” story using the numbers 1/4 and 3, and solves both.'],
      ],
    ],
  },
  {
    code: 'FR.5.13',
    domain: 'FR-DF',
    levels: G5,
    hours: 3,
    evidence: ['test', 'product'],
    statement:
      'Rename fractions whose denominators are factors of 10 or 100 as decimals (e.g. 3/4 = 75/100 = 0.75), connecting the decimal to the division of the numerator by the denominator.',
    iCan: 'I can change fractions like 3/4 or 2/5 into decimals and explain why 3/4 = 0.75.',
    notes: 'A bridge between the NF domain and the decimal work of 5.NBT; aligned as related, not as a match.',
    after: ['FR.4.11', 'FR.5.4'],
    align: [
      ['5.NF.B.3', 'related'],
      ['4.NF.C.6', 'related'],
    ],
    phases: [
      ['Writes the numerator and denominator with a decimal point between them.', ['Writes 3/4 = 3.4.']],
      [
        'Converts fractions with denominator 10 or 100, but not halves, fourths, fifths or twentieths.',
        ['Writes 7/10 = 0.7 but cannot rename 2/5 as a decimal.'],
      ],
      [
        'Renames fractions with denominators 2, 4, 5, 20, 25 and 50 as hundredths and as decimals, and explains the link to a/b = a ÷ b.',
        [
          'Rewrites 3/4 as 75/100 and as 0.75 and explains it with a hundred grid.',
          'Explains that 3 ÷ 4 = 0.75 because sharing 3 dollars among 4 people gives each person 75 cents.',
        ],
      ],
      [
        'Uses fraction and decimal forms flexibly to compare and compute.',
        ['Notices that 0.6 and 3/5 are equal and that 5/8 is larger than both, and explains how they know.'],
      ],
    ],
  },
  {
    code: 'FR.5.14',
    domain: 'FR-MD',
    levels: G5,
    hours: 4,
    evidence: ['performance-task', 'product', 'portfolio'],
    statement:
      'Make a line plot to display a data set of measurements in fractions of a unit (1/2, 1/4, 1/8), and use operations on fractions to solve problems involving the information in the line plot.',
    iCan: 'I can make a line plot of fraction measurements and use fraction operations to answer questions about it, like how to share water equally among beakers.',
    after: ['FR.4.13', 'FR.5.3', { code: 'FR.5.4', note: 'Redistributing a total equally is division with a fraction answer.' }],
    align: [['5.MD.B.2', 'exact']],
    phases: [
      [
        'Makes a line plot with support and answers questions by reading single values only.',
        ['Plots the data but answers “how much water in all?” with the largest single measurement.'],
      ],
      [
        'Makes an accurate line plot; multi-step questions that combine values need support.',
        ['Finds the total amount of liquid in all the beakers but does not know how to share it equally.'],
      ],
      [
        'Makes an accurate line plot and uses the fraction operations of grade 5 to solve multi-step problems with the data.',
        [
          'Given measurements of liquid in identical beakers, finds how much each beaker would contain if the total were redistributed equally.',
          'Finds the total length of all pieces measuring 3/8 inch using multiplication.',
        ],
      ],
      [
        'Designs a data investigation with fractional measurements and communicates conclusions.',
        ['Measures plant growth to the nearest 1/8 inch, plots it, and writes a conclusion that uses the “fair share” of growth per plant.'],
      ],
    ],
  },
];

/** The Grade 3–5 fractions example as a spec (exported for tests and for the generator). */
export const GRADE35_FRACTIONS: FrameworkSpec = {
  slug: 'grade3-5-fractions',
  meta: {
    title: 'Grade 3–5 Fractions Progression',
    description:
      'The district’s mastery progression for fractions from Grade 3 through Grade 5: from naming unit fractions to dividing with unit fractions. ' +
      'Each competency describes what Beginning, Developing, Proficient and Advanced work looks like, with performance indicators teachers can observe. ' +
      'Students move on when they demonstrate Proficient on a competency’s prerequisites; grade levels show where a competency usually sits, not a gate. ' +
      'Aligned to the Common Core State Standards for Mathematics, Number & Operations—Fractions (3.NF, 4.NF, 5.NF), and to the Measurement & Data line-plot standards.',
    subjects: ['Mathematics'],
    educationLevels: ['03', '04', '05'],
    creator: 'Elementary Mathematics Design Team, Riverside Unified School District',
    publisher: 'Riverside Unified School District',
    version: '1.0.0',
    status: 'adopted',
    license: 'CC BY 4.0',
    language: 'en',
    lastChangeDateTime: '2026-06-12T09:00:00-07:00',
  },
  phases: [
    {
      label: 'Beginning',
      description: 'With models and support, the student shows partial understanding; misconceptions are common and point to the next lesson.',
    },
    {
      label: 'Developing',
      description: 'The student succeeds on familiar tasks, often with a model or a prompt; some errors and gaps in explanation remain.',
    },
    {
      label: 'Proficient',
      description:
        'The student works independently and accurately on grade-level tasks and explains the reasoning. This is mastery: the student is ready for the competencies that build on this one.',
      threshold: true,
    },
    {
      label: 'Advanced',
      description: 'The student transfers the skill to unfamiliar or multi-step problems, generalizes, and can explain it to others.',
    },
  ],
  domains: [
    {
      code: 'FR-UF',
      title: 'Understanding Fractions',
      description: 'Unit fractions, fractions as numbers built from unit fractions, and fractions on the number line.',
    },
    {
      code: 'FR-EC',
      title: 'Equivalence & Comparison',
      description: 'Equivalent fractions, whole numbers as fractions, and comparing fractions by reasoning about their size.',
    },
    {
      code: 'FR-AS',
      title: 'Adding & Subtracting Fractions',
      description: 'Joining and separating parts of the same whole, from like denominators and mixed numbers to unlike denominators and word problems.',
    },
    {
      code: 'FR-MU',
      title: 'Multiplying & Dividing Fractions',
      description: 'Fractions as multiples of unit fractions and as division, multiplication as scaling, and division with unit fractions.',
    },
    {
      code: 'FR-DF',
      title: 'Decimal Fractions',
      description: 'Tenths and hundredths, decimal notation, comparing decimals, and renaming fractions as decimals.',
    },
    {
      code: 'FR-MD',
      title: 'Fractions in Measurement & Data',
      description: 'Measuring to fractions of a unit and solving problems with line plots of fractional measurements.',
    },
  ],
  competencies,
  standardsSets: [CCSS_NF, CCSS_MD_LINE_PLOTS],
};

/** Builds the Grade 3–5 fractions example framework. */
export function buildGrade35Fractions(): Framework {
  return buildFramework(GRADE35_FRACTIONS);
}
