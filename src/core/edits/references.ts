import type { DependencyRef, Phase, TextEdit } from '../model';
import { splitLines } from './text';

/** Replaces the reference's text with `newId` (spelled as the caller wants it). */
export function replaceReferenceEdits(ref: DependencyRef, newId: string): TextEdit[] {
  if (!ref.range) return [];
  return [{ range: { ...ref.range }, newText: newId }];
}

/** The reference exactly as the plan writes it (`Phase 2.2`, where `ref.id` may say `2.2`). */
export function writtenReference(ref: DependencyRef, lines: readonly string[]): string {
  const line = ref.range ? lines[ref.range.line - 1] : undefined;
  if (line === undefined || ref.range.endLine !== ref.range.line) return ref.id;
  const written = line.slice(ref.range.column, ref.range.endColumn).trim();
  return written === '' ? ref.id : written;
}

/**
 * How to write `target` in place of a reference written `written`, keeping the author's
 * spelling: `2X` → `2B`, `P9` → `P2`, `Phase 9` → `Phase 2`, `M9` → `M2`, `Milestone 9` → `Milestone 2`.
 */
export function referenceTextFor(writtenText: string, target: Phase): string {
  const written = writtenText.trim();
  const number = target.key.slice(target.key.indexOf(':') + 1);
  const spelled = numberAsWritten(target.id, number);
  if (target.kind === 'phase') {
    const word = /^(phase)\s*/i.exec(written);
    if (word) return `${word[1]} ${spelled}`;
    const p = /^(p)(?=\d)/i.exec(written);
    if (p) return `${p[1]}${spelled}`;
    return spelled;
  }
  if (target.kind === 'milestone') {
    const word = /^(milestone)\s*/i.exec(written);
    if (word) return `${word[1]} ${spelled}`;
    const m = /^(m)(?=\d)/i.exec(written);
    if (m) return `${m[1]}${spelled}`;
  }
  return target.id;
}

/** The target's number with the case its own heading uses (`2B`, not the key's `2b`). */
function numberAsWritten(id: string, keyNumber: string): string {
  const index = id.toLowerCase().lastIndexOf(keyNumber);
  return index >= 0 ? id.slice(index, index + keyNumber.length) : keyNumber;
}

/** `,`, `+`, `&`, `/`, `;`, `and`, `, and`: what stands between two ids of a list. */
const SEPARATOR_AFTER = /^\s*(?:,\s*(?:and\b)?|\+|&|\/|;|\band\b)\s*/i;
const SEPARATOR_BEFORE = /\s*(?:,\s*(?:and\s+)?|\+|&|\/|;|\s\band)\s*$/i;
const LIST_ITEM_ONLY = /^\s*(?:[-*+]|\d{1,9}[.)])\s*$/;
const FIELD_LABEL_ONLY = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\*\*|__)?[^:]{1,40}?(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*(?:\*\*|__)?\s*$/;

/**
 * Removes a reference and one separator next to it, so the list stays a list:
 * `P0, P9, P2` → `P0, P2`, `2A+2X+2C` → `2A+2C`, `P0 and P9` → `P0`. A list item that held
 * only the reference is removed with its line; a field left without a value says `None`.
 */
export function removeReferenceEdits(ref: DependencyRef, text: string, lines: readonly string[] = splitLines(text)): TextEdit[] {
  // Cutting an id out of "Foundational depends on Setup and Phase 1" leaves a broken sentence.
  if (!ref.range || ref.section) return [];
  const lineText = lines[ref.range.line - 1];
  if (lineText === undefined || ref.range.line !== ref.range.endLine) return [];
  const start = Math.min(ref.range.column, lineText.length);
  const end = Math.min(Math.max(ref.range.endColumn, start), lineText.length);
  if (start === end) return [];

  // A reference wrapped in code or emphasis (`` `P2` ``, `**P2**`) goes with its wrapper.
  let idStart = start;
  let idEnd = end;
  while (idStart > 0 && idEnd < lineText.length && lineText[idStart - 1] === lineText[idEnd] && '`*_'.includes(lineText[idEnd]!)) {
    idStart--;
    idEnd++;
  }

  let cutStart = idStart;
  let cutEnd = idEnd;
  const after = SEPARATOR_AFTER.exec(lineText.slice(idEnd));
  const before = SEPARATOR_BEFORE.exec(lineText.slice(0, idStart));
  if (after && after[0].trim() && idEnd + after[0].length < lineText.length) {
    cutEnd = idEnd + after[0].length;
  } else if (before && before[0].trim()) {
    cutStart = idStart - before[0].length;
  } else {
    // Alone in its value: take the spaces on one side with it.
    cutEnd = idEnd + /^\s*/.exec(lineText.slice(idEnd))![0].length;
  }

  const remaining = lineText.slice(0, cutStart) + lineText.slice(cutEnd);
  if (LIST_ITEM_ONLY.test(remaining)) return [removeLineEdit(lines, ref.range.line)];
  if (FIELD_LABEL_ONLY.test(remaining)) {
    return [{ range: { line: ref.range.line, column: idStart, endLine: ref.range.line, endColumn: idEnd }, newText: 'None' }];
  }
  return [{ range: { line: ref.range.line, column: cutStart, endLine: ref.range.line, endColumn: cutEnd }, newText: '' }];
}

/** Removes line `line` and its line break (the previous one, for the last line). */
export function removeLineEdit(lines: readonly string[], line: number): TextEdit {
  if (line < lines.length) return { range: { line, column: 0, endLine: line + 1, endColumn: 0 }, newText: '' };
  if (line > 1) {
    const previous = lines[line - 2]!;
    return { range: { line: line - 1, column: previous.length, endLine: line, endColumn: lines[line - 1]!.length }, newText: '' };
  }
  return { range: { line, column: 0, endLine: line, endColumn: lines[line - 1]!.length }, newText: '' };
}
