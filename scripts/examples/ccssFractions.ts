/**
 * The Common Core State Standards for Mathematics that the Grade 3–5 fractions example aligns to:
 * the whole Number & Operations—Fractions domain of grades 3, 4 and 5, and the three
 * Measurement & Data standards about line plots of fractional measurements.
 *
 * Statements are quoted from the CCSS (© 2010 National Governors Association Center for Best
 * Practices and Council of Chief State School Officers), which permits this use with attribution.
 * Hierarchy: grade → domain → cluster → standard → sub-standard, as in CCSS CASE packages.
 */
import type { StandardSpec, StandardsSetSpec } from './buildFramework';

const BASE = 'https://www.thecorestandards.org/Math/Content';

/** The page of a standard, e.g. `3.NF.A.2.a` → `…/Content/3/NF/A/2/a/`. */
function uri(code: string): string {
  return `${BASE}/${code.split('.').join('/')}/`;
}

function grade(n: 3 | 4 | 5, children: StandardSpec[]): StandardSpec {
  return { code: '', statement: `Grade ${n}`, itemType: 'Grade Level', levels: [`0${n}`], uri: `${BASE}/${n}/`, children };
}

function domain(code: string, statement: string, children: StandardSpec[]): StandardSpec {
  return { code, statement, itemType: 'Domain', levels: [levelOf(code)], uri: uri(code), children };
}

function cluster(code: string, statement: string, children: StandardSpec[]): StandardSpec {
  const [g, d, c] = code.split('.');
  return { code, statement, itemType: 'Cluster', levels: [levelOf(code)], uri: `${BASE}/${g}/${d}/#CCSS.Math.Content.${g}.${d}.${c}`, children };
}

function standard(code: string, statement: string, children?: StandardSpec[]): StandardSpec {
  const s: StandardSpec = { code, statement, itemType: 'Standard', levels: [levelOf(code)], uri: uri(code) };
  if (children) s.children = children;
  return s;
}

function sub(code: string, statement: string): StandardSpec {
  return { code, statement, itemType: 'Component', levels: [levelOf(code)], uri: uri(code) };
}

function levelOf(code: string): string {
  return `0${code.charAt(0)}`;
}

const NF_DOMAIN = 'Number and Operations—Fractions';

/** CCSS Mathematics, grades 3–5, domain NF: every standard and sub-standard. */
export const CCSS_NF: StandardsSetSpec = {
  key: 'ccss-math-nf-3-5',
  title: 'Common Core State Standards — Mathematics, Grades 3–5: Number & Operations—Fractions',
  source:
    'Common Core State Standards Initiative, https://www.thecorestandards.org/Math/ (© 2010 National Governors Association Center for Best Practices and Council of Chief State School Officers)',
  version: '2010',
  items: [
    grade(3, [
      domain('3.NF', `${NF_DOMAIN}. Grade 3 expectations in this domain are limited to fractions with denominators 2, 3, 4, 6, and 8.`, [
        cluster('3.NF.A', 'Develop understanding of fractions as numbers.', [
          standard(
            '3.NF.A.1',
            'Understand a fraction 1/b as the quantity formed by 1 part when a whole is partitioned into b equal parts; understand a fraction a/b as the quantity formed by a parts of size 1/b.',
          ),
          standard('3.NF.A.2', 'Understand a fraction as a number on the number line; represent fractions on a number line diagram.', [
            sub(
              '3.NF.A.2.a',
              'Represent a fraction 1/b on a number line diagram by defining the interval from 0 to 1 as the whole and partitioning it into b equal parts. Recognize that each part has size 1/b and that the endpoint of the part based at 0 locates the number 1/b on the number line.',
            ),
            sub(
              '3.NF.A.2.b',
              'Represent a fraction a/b on a number line diagram by marking off a lengths 1/b from 0. Recognize that the resulting interval has size a/b and that its endpoint locates the number a/b on the number line.',
            ),
          ]),
          standard('3.NF.A.3', 'Explain equivalence of fractions in special cases, and compare fractions by reasoning about their size.', [
            sub('3.NF.A.3.a', 'Understand two fractions as equivalent (equal) if they are the same size, or the same point on a number line.'),
            sub(
              '3.NF.A.3.b',
              'Recognize and generate simple equivalent fractions, e.g., 1/2 = 2/4, 4/6 = 2/3. Explain why the fractions are equivalent, e.g., by using a visual fraction model.',
            ),
            sub(
              '3.NF.A.3.c',
              'Express whole numbers as fractions, and recognize fractions that are equivalent to whole numbers. Examples: Express 3 in the form 3 = 3/1; recognize that 6/1 = 6; locate 4/4 and 1 at the same point of a number line diagram.',
            ),
            sub(
              '3.NF.A.3.d',
              'Compare two fractions with the same numerator or the same denominator by reasoning about their size. Recognize that comparisons are valid only when the two fractions refer to the same whole. Record the results of comparisons with the symbols >, =, or <, and justify the conclusions, e.g., by using a visual fraction model.',
            ),
          ]),
        ]),
      ]),
    ]),
    grade(4, [
      domain(
        '4.NF',
        `${NF_DOMAIN}. Grade 4 expectations in this domain are limited to fractions with denominators 2, 3, 4, 5, 6, 8, 10, 12, and 100.`,
        [
          cluster('4.NF.A', 'Extend understanding of fraction equivalence and ordering.', [
            standard(
              '4.NF.A.1',
              'Explain why a fraction a/b is equivalent to a fraction (n × a)/(n × b) by using visual fraction models, with attention to how the number and size of the parts differ even though the two fractions themselves are the same size. Use this principle to recognize and generate equivalent fractions.',
            ),
            standard(
              '4.NF.A.2',
              'Compare two fractions with different numerators and different denominators, e.g., by creating common denominators or numerators, or by comparing to a benchmark fraction such as 1/2. Recognize that comparisons are valid only when the two fractions refer to the same whole. Record the results of comparisons with symbols >, =, or <, and justify the conclusions, e.g., by using a visual fraction model.',
            ),
          ]),
          cluster(
            '4.NF.B',
            'Build fractions from unit fractions by applying and extending previous understandings of operations on whole numbers.',
            [
              standard('4.NF.B.3', 'Understand a fraction a/b with a > 1 as a sum of fractions 1/b.', [
                sub('4.NF.B.3.a', 'Understand addition and subtraction of fractions as joining and separating parts referring to the same whole.'),
                sub(
                  '4.NF.B.3.b',
                  'Decompose a fraction into a sum of fractions with the same denominator in more than one way, recording each decomposition by an equation. Justify decompositions, e.g., by using a visual fraction model. Examples: 3/8 = 1/8 + 1/8 + 1/8; 3/8 = 1/8 + 2/8; 2 1/8 = 1 + 1 + 1/8 = 8/8 + 8/8 + 1/8.',
                ),
                sub(
                  '4.NF.B.3.c',
                  'Add and subtract mixed numbers with like denominators, e.g., by replacing each mixed number with an equivalent fraction, and/or by using properties of operations and the relationship between addition and subtraction.',
                ),
                sub(
                  '4.NF.B.3.d',
                  'Solve word problems involving addition and subtraction of fractions referring to the same whole and having like denominators, e.g., by using visual fraction models and equations to represent the problem.',
                ),
              ]),
              standard('4.NF.B.4', 'Apply and extend previous understandings of multiplication to multiply a fraction by a whole number.', [
                sub(
                  '4.NF.B.4.a',
                  'Understand a fraction a/b as a multiple of 1/b. For example, use a visual fraction model to represent 5/4 as the product 5 × (1/4), recording the conclusion by the equation 5/4 = 5 × (1/4).',
                ),
                sub(
                  '4.NF.B.4.b',
                  'Understand a multiple of a/b as a multiple of 1/b, and use this understanding to multiply a fraction by a whole number. For example, use a visual fraction model to express 3 × (2/5) as 6 × (1/5), recognizing this product as 6/5. (In general, n × (a/b) = (n × a)/b.)',
                ),
                sub(
                  '4.NF.B.4.c',
                  'Solve word problems involving multiplication of a fraction by a whole number, e.g., by using visual fraction models and equations to represent the problem. For example, if each person at a party will eat 3/8 of a pound of roast beef, and there will be 5 people at the party, how many pounds of roast beef will be needed? Between what two whole numbers does your answer lie?',
                ),
              ]),
            ],
          ),
          cluster('4.NF.C', 'Understand decimal notation for fractions, and compare decimal fractions.', [
            standard(
              '4.NF.C.5',
              'Express a fraction with denominator 10 as an equivalent fraction with denominator 100, and use this technique to add two fractions with respective denominators 10 and 100. For example, express 3/10 as 30/100, and add 3/10 + 4/100 = 34/100.',
            ),
            standard(
              '4.NF.C.6',
              'Use decimal notation for fractions with denominators 10 or 100. For example, rewrite 0.62 as 62/100; describe a length as 0.62 meters; locate 0.62 on a number line diagram.',
            ),
            standard(
              '4.NF.C.7',
              'Compare two decimals to hundredths by reasoning about their size. Recognize that comparisons are valid only when the two decimals refer to the same whole. Record the results of comparisons with the symbols >, =, or <, and justify the conclusions, e.g., by using a visual model.',
            ),
          ]),
        ],
      ),
    ]),
    grade(5, [
      domain('5.NF', NF_DOMAIN, [
        cluster('5.NF.A', 'Use equivalent fractions as a strategy to add and subtract fractions.', [
          standard(
            '5.NF.A.1',
            'Add and subtract fractions with unlike denominators (including mixed numbers) by replacing given fractions with equivalent fractions in such a way as to produce an equivalent sum or difference of fractions with like denominators. For example, 2/3 + 5/4 = 8/12 + 15/12 = 23/12. (In general, a/b + c/d = (ad + bc)/bd.)',
          ),
          standard(
            '5.NF.A.2',
            'Solve word problems involving addition and subtraction of fractions referring to the same whole, including cases of unlike denominators, e.g., by using visual fraction models or equations to represent the problem. Use benchmark fractions and number sense of fractions to estimate mentally and assess the reasonableness of answers. For example, recognize an incorrect result 2/5 + 1/2 = 3/7, by observing that 3/7 < 1/2.',
          ),
        ]),
        cluster('5.NF.B', 'Apply and extend previous understandings of multiplication and division to multiply and divide fractions.', [
          standard(
            '5.NF.B.3',
            'Interpret a fraction as division of the numerator by the denominator (a/b = a ÷ b). Solve word problems involving division of whole numbers leading to answers in the form of fractions or mixed numbers, e.g., by using visual fraction models or equations to represent the problem. For example, interpret 3/4 as the result of dividing 3 by 4, noting that 3/4 multiplied by 4 equals 3, and that when 3 wholes are shared equally among 4 people each person has a share of size 3/4. If 9 people want to share a 50-pound sack of rice equally by weight, how many pounds of rice should each person get? Between what two whole numbers does your answer lie?',
          ),
          standard('5.NF.B.4', 'Apply and extend previous understandings of multiplication to multiply a fraction or whole number by a fraction.', [
            sub(
              '5.NF.B.4.a',
              'Interpret the product (a/b) × q as a parts of a partition of q into b equal parts; equivalently, as the result of a sequence of operations a × q ÷ b. For example, use a visual fraction model to show (2/3) × 4 = 8/3, and create a story context for this equation. Do the same with (2/3) × (4/5) = 8/15. (In general, (a/b) × (c/d) = ac/bd.)',
            ),
            sub(
              '5.NF.B.4.b',
              'Find the area of a rectangle with fractional side lengths by tiling it with unit squares of the appropriate unit fraction side lengths, and show that the area is the same as would be found by multiplying the side lengths. Multiply fractional side lengths to find areas of rectangles, and represent fraction products as rectangular areas.',
            ),
          ]),
          standard('5.NF.B.5', 'Interpret multiplication as scaling (resizing), by:', [
            sub(
              '5.NF.B.5.a',
              'Comparing the size of a product to the size of one factor on the basis of the size of the other factor, without performing the indicated multiplication.',
            ),
            sub(
              '5.NF.B.5.b',
              'Explaining why multiplying a given number by a fraction greater than 1 results in a product greater than the given number (recognizing multiplication by whole numbers greater than 1 as a familiar case); explaining why multiplying a given number by a fraction less than 1 results in a product smaller than the given number; and relating the principle of fraction equivalence a/b = (n × a)/(n × b) to the effect of multiplying a/b by 1.',
            ),
          ]),
          standard(
            '5.NF.B.6',
            'Solve real world problems involving multiplication of fractions and mixed numbers, e.g., by using visual fraction models or equations to represent the problem.',
          ),
          standard(
            '5.NF.B.7',
            'Apply and extend previous understandings of division to divide unit fractions by whole numbers and whole numbers by unit fractions.',
            [
              sub(
                '5.NF.B.7.a',
                'Interpret division of a unit fraction by a non-zero whole number, and compute such quotients. For example, create a story context for (1/3) ÷ 4, and use a visual fraction model to show the quotient. Use the relationship between multiplication and division to explain that (1/3) ÷ 4 = 1/12 because (1/12) × 4 = 1/3.',
              ),
              sub(
                '5.NF.B.7.b',
                'Interpret division of a whole number by a unit fraction, and compute such quotients. For example, create a story context for 4 ÷ (1/5), and use a visual fraction model to show the quotient. Use the relationship between multiplication and division to explain that 4 ÷ (1/5) = 20 because 20 × (1/5) = 4.',
              ),
              sub(
                '5.NF.B.7.c',
                'Solve real world problems involving division of unit fractions by non-zero whole numbers and division of whole numbers by unit fractions, e.g., by using visual fraction models and equations to represent the problem. For example, how much chocolate will each person get if 3 people share 1/2 lb of chocolate equally? How many 1/3-cup servings are in 2 cups of raisins?',
              ),
            ],
          ),
        ]),
      ]),
    ]),
  ],
};

/** The three CCSS Measurement & Data standards on line plots of fractional measurements. */
export const CCSS_MD_LINE_PLOTS: StandardsSetSpec = {
  key: 'ccss-math-md-line-plots-3-5',
  title: 'Common Core State Standards — Mathematics, Grades 3–5: Measurement & Data (line plots with fractions)',
  source: CCSS_NF.source,
  version: '2010',
  items: [
    grade(3, [
      domain('3.MD', 'Measurement and Data', [
        cluster('3.MD.B', 'Represent and interpret data.', [
          standard(
            '3.MD.B.4',
            'Generate measurement data by measuring lengths using rulers marked with halves and fourths of an inch. Show the data by making a line plot, where the horizontal scale is marked off in appropriate units— whole numbers, halves, or quarters.',
          ),
        ]),
      ]),
    ]),
    grade(4, [
      domain('4.MD', 'Measurement and Data', [
        cluster('4.MD.B', 'Represent and interpret data.', [
          standard(
            '4.MD.B.4',
            'Make a line plot to display a data set of measurements in fractions of a unit (1/2, 1/4, 1/8). Solve problems involving addition and subtraction of fractions by using information presented in line plots. For example, from a line plot find and interpret the difference in length between the longest and shortest specimens in an insect collection.',
          ),
        ]),
      ]),
    ]),
    grade(5, [
      domain('5.MD', 'Measurement and Data', [
        cluster('5.MD.B', 'Represent and interpret data.', [
          standard(
            '5.MD.B.2',
            'Make a line plot to display a data set of measurements in fractions of a unit (1/2, 1/4, 1/8). Use operations on fractions for this grade to solve problems involving information presented in line plots. For example, given different measurements of liquid in identical beakers, find the amount of liquid each beaker would contain if the total amount in all the beakers were redistributed equally.',
          ),
        ]),
      ]),
    ]),
  ],
};
