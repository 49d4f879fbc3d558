import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The text of each page of a PDF, read by pdf.js (in a child process: see read-pdf.mjs). */
export function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'read-pdf.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: string[] }).pages;
}
