// Independent readers of the office files the app writes: LibreOffice (Debian's package, headless)
// converts a Word document to plain text as a person would read it, and Python's zipfile lists the
// package's parts. Neither shares code with the app's writer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The document's text as LibreOffice reads it (UTF-8, paragraphs on lines, table cells too). */
export function documentText(file) {
  const out = mkdtempSync(join(tmpdir(), 'rai-office-'));
  // A profile of its own: a second LibreOffice (or a stale lock) never blocks the conversion.
  const profile = mkdtempSync(join(tmpdir(), 'rai-lo-profile-'));
  execFileSync('soffice', [
    `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
    '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, file,
  ], { stdio: 'pipe', timeout: 180_000 });
  return readFileSync(join(out, basename(file).replace(/\.[a-z]+$/, '.txt')), 'utf8').replace(/^\uFEFF/, '');
}

/** The package's parts: path → size in bytes, read by Python's zipfile (which checks every CRC). */
export function packageParts(file) {
  const script = 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n'
    + 'print(json.dumps({i.filename: i.file_size for i in z.infolist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

/** One part's bytes. */
export function packagePart(file, path) {
  const script = 'import sys, zipfile\nsys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))';
  return execFileSync('python3', ['-c', script, file, path]);
}
