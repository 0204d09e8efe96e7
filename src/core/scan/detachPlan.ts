import type { Plan } from '../model';

/**
 * A copy of a plan that shares no string with the text it was parsed from. V8 keeps a slice
 * of a string (`line.slice(…)`, `text.split(…)`, a trimmed title) as a pointer into the whole
 * source, so a plan's short titles and ids would otherwise keep every indexed file's text in
 * memory. A JSON round trip builds every string anew (a plan is plain data, so nothing is lost).
 */
export function detachPlan(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan)) as Plan;
}
