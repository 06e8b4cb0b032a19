// Independent readers of the office files the app writes: LibreOffice (Debian's package, headless)
// converts a Word document to plain text as a person would read it, and Python's zipfile lists the
// package's parts. Neither shares code with the app's writer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Converts `file` with LibreOffice to the `filter` given (`txt:…`, `csv:…`) into a new folder; returns
 * the folder. A profile of its own each time: a second LibreOffice (or a stale lock) never blocks it.
 */
function convert(file, filter) {
  const out = mkdtempSync(join(tmpdir(), 'rai-office-'));
  const profile = mkdtempSync(join(tmpdir(), 'rai-lo-profile-'));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, file,
    ], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

/** The document's text as LibreOffice reads it (UTF-8, paragraphs on lines, table cells too). */
export function documentText(file) {
  const out = convert(file, 'txt:Text (encoded):UTF8');
  return readFileSync(join(out, basename(file).replace(/\.[a-z]+$/, '.txt')), 'utf8').replace(/^\uFEFF/, '');
}

/**
 * Every sheet of a spreadsheet as rows of cells, as LibreOffice reads them (CSV of each sheet, the
 * values formatted as the cells say: a date as 2027-03-31), by sheet name.
 */
export function sheetRows(file) {
  // Comma, double quote, UTF-8 (76), from line 1, …, formatted as shown, every sheet (-1) to its own file.
  const out = convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
  const base = basename(file).replace(/\.[a-z]+$/, '');
  const sheets = {};
  for (const name of readdirSync(out)) {
    sheets[name.slice(base.length + 1, -'.csv'.length)] = parseCsv(readFileSync(join(out, name), 'utf8'));
  }
  return sheets;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
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
