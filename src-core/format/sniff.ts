/**
 * What a file's text is, at a glance and without parsing it (a look the UI thread and main can afford on a
 * 200 MB file; the readers parse and say exactly what is wrong). Main grants a token to save back with only to
 * text marked as our framework file; the page imports a CASE package instead of opening it as one.
 */

/** Our framework files say what they are (`"format": "progressions.framework"`). */
const FRAMEWORK_FILE_MARK = /"format"\s*:\s*"progressions\.framework"/;
/** A CASE package has a CFDocument (or CFItems), at the top or inside {"CFPackage": …}. */
const CASE_KEY = /"CF(?:Document|Items|Package)"\s*:/;

/** Whether the text carries our framework file's mark. */
export function hasFrameworkMark(text: string): boolean {
  return FRAMEWORK_FILE_MARK.test(text);
}

/** Whether the text looks like a CASE package (1EdTech CASE 1.0 / 1.1 JSON) rather than one of our framework files. */
export function looksLikeCasePackage(text: string): boolean {
  return CASE_KEY.test(text) && !FRAMEWORK_FILE_MARK.test(text);
}
