import { describe, expect, it } from 'vitest';
import { documentsFromArgv } from '../../src-main/electron/argv';

describe('documentsFromArgv', () => {
  it('skips the executable (and the app folder when running from source) and switches', () => {
    expect(documentsFromArgv(['/usr/bin/electron', '.', '--inspect', '/home/t/a.progressions'], '/home/t', false)).toEqual(['/home/t/a.progressions']);
    expect(documentsFromArgv(['/opt/Progressions/progressions', '--no-sandbox', '/home/t/a.progressions'], '/', true)).toEqual(['/home/t/a.progressions']);
    expect(documentsFromArgv(['/opt/Progressions/progressions'], '/', true)).toEqual([]);
  });

  it('resolves relative paths against the caller’s folder and accepts plain .json', () => {
    expect(documentsFromArgv(['/opt/p', 'plans/a.json', './b.PROGRESSIONS'], '/home/t', true)).toEqual(['/home/t/plans/a.json', '/home/t/b.PROGRESSIONS']);
  });

  it('turns file:// URLs into paths and ignores other URLs and other files', () => {
    expect(documentsFromArgv(['/opt/p', 'file:///home/t/My%20Plan.progressions', 'https://x.org/a.json', 'notes.txt', 'progressions'], '/', true)).toEqual([
      '/home/t/My Plan.progressions',
    ]);
  });

  it('lists each file once', () => {
    expect(documentsFromArgv(['/opt/p', '/a.json', '/a.json'], '/', true)).toEqual(['/a.json']);
  });
});
