import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

/** Where a district's script sends `-o`: what must happen to the file (or device, or pipe) that is there. */
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/progressions.mjs');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const cli = (args: string[]) => runCliCaptured(args, { disk: true });
const tmp = mkdtempSync(join(tmpdir(), 'qaC-out-'));
const isRoot = process.getuid?.() === 0;

/** The files in a folder, hidden temp files included. */
const filesIn = (dir: string) => readdirSync(dir).sort();

describe('export / import -o: the file that is already there', () => {
  it('refuses to replace a read-only file (exit 2, the file untouched), as cp would', async () => {
    const dir = join(tmp, 'readonly-file');
    mkdirSync(dir);
    const out = join(dir, 'published.case.json');
    writeFileSync(out, 'published version');
    chmodSync(out, 0o444);
    for (const cmd of ['export', 'import']) {
      const r = await cli([cmd, example, '-o', out]);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toMatch(/could not write .*published\.case\.json: the file is read-only/i);
      expect(readFileSync(out, 'utf8')).toBe('published version');
      expect(statSync(out).mode & 0o777).toBe(0o444);
    }
    expect(filesIn(dir)).toEqual(['published.case.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const out = join(tmp, 'shared.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o664);
    expect((await cli(['export', example, '--format', 'csv', '-o', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o664);
    const json = join(tmp, 'private.json');
    writeFileSync(json, 'old');
    chmodSync(json, 0o600);
    expect((await cli(['import', example, '-o', json, '--quiet'])).code).toBe(0);
    expect(statSync(json).mode & 0o777).toBe(0o600);
  });

  it('through a symbolic link writes the file it points at and keeps the link (current.json → v3.json)', async () => {
    const dir = join(tmp, 'link');
    mkdirSync(dir);
    writeFileSync(join(dir, 'v3.json'), 'old');
    symlinkSync('v3.json', join(dir, 'current.json'));
    const r = await cli(['export', example, '--format', 'json', '-o', join(dir, 'current.json')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'current.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'v3.json'), 'utf8')).toBe(readFileSync(example, 'utf8'));
    expect(filesIn(dir)).toEqual(['current.json', 'v3.json']);
  });
});

describe('export / import -o: a place that cannot take the file is named in words, before any work', () => {
  it('a folder, a folder that does not exist, an empty name: exit 2, no temp file named, nothing left behind', async () => {
    const folder = join(tmp, 'a-folder');
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [folder, /could not write .*a-folder: it is a folder; give a file name/i],
      [join(tmp, 'no-such-folder', 'out.json'), /could not write .*out\.json: the folder .*no-such-folder does not exist/i],
      ['', /could not write "": the output file name is empty/i],
    ];
    for (const cmd of ['export', 'import']) {
      for (const [out, message] of cases) {
        const r = await cli([cmd, example, '-o', out]);
        expect(r.code, `${cmd} -o ${out}`).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\.tmp|EISDIR|rename|open '/);
      }
    }
    expect(filesIn(folder)).toEqual([]);
  });

  it.skipIf(isRoot)('a folder without write permission: "permission denied", the folder named, no temp file named', async () => {
    const dir = join(tmp, 'locked-folder');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const r = await cli(['export', example, '-o', join(dir, 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not write .*out\.json: permission denied: the folder .*locked-folder is not writable/);
    expect(r.stderr).not.toMatch(/\.tmp/);
    chmodSync(dir, 0o755);
  });
});

describe.skipIf(!existsSync('/dev/full'))('a full disk behind stdout (`> out.json`)', () => {
  it('is a failed write: one line on stderr, exit 2 (not 1, "problems found"), no stack trace', () => {
    for (const args of [['export', example], ['validate', example, '--json'], ['import', example, '--quiet']]) {
      const fd = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/progressions: could not write the output: the disk is full/);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    }
  });
});

describe.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)('-o a pipe (mkfifo, `>(gzip …)`, /dev/stdout)', () => {
  it('writes into the pipe and leaves it a pipe (never renames a file over it)', async () => {
    const fifo = join(tmp, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d) => (got += String(d)));
    const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    try {
      const r = await cli(['export', example, '--format', 'csv', '-o', fifo]);
      expect(r.code).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await done;
      expect(got).toMatch(/^\ufeff"Code","Statement"/);
      expect(filesIn(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      reader.kill();
    }
  });
});

describe('-o naming the input file itself', () => {
  it('export in another format refuses (exit 2) and the framework file is untouched', async () => {
    const file = join(tmp, 'framework.json');
    const original = readFileSync(example, 'utf8');
    writeFileSync(file, original);
    for (const format of ['csv', 'moodle', 'canvas', 'case-1.1', 'case-1.0']) {
      const r = await cli(['export', file, '--format', format, '-o', file]);
      expect(r.code, format).toBe(2);
      expect(r.stderr).toMatch(/-o .*framework\.json is the input file itself: writing .* there would replace the framework file it was read from/);
      expect(readFileSync(file, 'utf8')).toBe(original);
    }
    // through another name for the same file, too
    symlinkSync(file, join(tmp, 'alias.json'));
    expect((await cli(['export', join(tmp, 'alias.json'), '--format', 'csv', '-o', file])).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('export --format json re-saves a framework file in place (same format: allowed)', async () => {
    const file = join(tmp, 'resave.json');
    writeFileSync(file, readFileSync(example, 'utf8'));
    expect((await cli(['export', file, '--format', 'json', '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(example, 'utf8'));
  });

  it('import of a spreadsheet onto itself refuses (exit 2) and the spreadsheet is untouched', async () => {
    const sheet = join(tmp, 'sheet.csv');
    const text = '\ufeffCode,Statement,Prerequisites\r\nA.1,First,\r\nA.2,Second,A.1\r\n';
    writeFileSync(sheet, text);
    const r = await cli(['import', sheet, '-o', sheet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the input file itself: the framework file would replace the spreadsheet/);
    expect(readFileSync(sheet, 'utf8')).toBe(text);
  });
});

describe('a write interrupted earlier (Ctrl-C, a cancelled CI job) left its hidden temp file', () => {
  it('the next export to that file removes it when it is old, keeps a fresh one (a write still running) and anything else', async () => {
    const dir = join(tmp, 'interrupted');
    mkdirSync(dir);
    const out = join(dir, 'district.case.json');
    const stale = join(dir, '.district.case.json.0123456789ab.tmp');
    const live = join(dir, '.district.case.json.ba9876543210.tmp');
    const other = join(dir, '.other.json.0123456789ab.tmp');
    for (const f of [stale, live, other]) writeFileSync(f, 'partial');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    const r = await cli(['export', example, '-o', out]);
    expect(r.code).toBe(0);
    expect(filesIn(dir)).toEqual(['.district.case.json.ba9876543210.tmp', '.other.json.0123456789ab.tmp', 'district.case.json']);
  });
});

describe('stdout into a pipe whose reader is slow (`export big.json | gzip`, `| aws s3 cp -`)', () => {
  it('waits for the reader instead of queueing the package in memory: every byte arrives, exit 0', async () => {
    // The CLI writes stdout synchronously, waiting while the pipe is full (at 100,000 competencies the queued
    // writes grew to 1.4 GB and failed with ENOBUFS; figures in bench/notes.md).
    const child = spawn(process.execPath, [bin, 'export', example], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the reader is busy: the pipe fills up
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const direct = await cli(['export', example]);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(direct.stdout);
  });
});
