import type { Plan } from '../model';
import { ReadAhead, type ScanFile } from './indexPlans';
import { mightBePlan } from './mightBePlan';
import { outlinePlan } from './outlinePlan';
import { contentHash, type PlanCache } from './planCache';
import { overPlanSizeLimit } from './sizeLimit';
import { Slicer, type SliceOptions } from './slicer';

/** One file as the first look found it. */
export interface FirstLook {
  uri: string;
  /** Its text; undefined when it could not be read, '' for a file `mightBePlan` rules out (not kept: a workspace may hold thousands). */
  text: string | undefined;
  /** The cached plan, or (`provisional`) the outline's; none for a file that holds no phase heading or is no plan. */
  plan?: Plan;
  provisional?: boolean;
  /** `contentHash(text)`, when the look computed it (to ask the cache): the indexer need not again. */
  hash?: string;
}

export interface FirstLookOptions extends SliceOptions {
  cache?: PlanCache;
  /** Files read ahead of the one being looked at; the indexer's default. */
  readAhead?: number;
}

/**
 * The workspace's plans at a first look, before any parse: each file is read once, a file the
 * cache knows gets its cached plan, and every other plan a provisional one from its headings
 * (`outlinePlan`, a line scan). Work runs in slices like the indexing. The texts go on to
 * `indexPlans`, whose full parses replace the provisional plans.
 */
export async function firstLook(files: readonly ScanFile[], options: FirstLookOptions = {}): Promise<FirstLook[]> {
  const slicer = new Slicer(options);
  const reads = new ReadAhead(files, options.readAhead);
  const looks: FirstLook[] = [];
  for (let index = 0; index < files.length; index++) {
    options.signal?.throwIfAborted();
    const uri = files[index]!.uri;
    const text = await reads.take(index);
    // Too large to parse is the indexer's to report; no plan is shown for it meanwhile.
    if (text === undefined || overPlanSizeLimit(text)) {
      looks.push({ uri, text });
      continue;
    }
    looks.push(await slicer.run(() => lookAt(uri, text, options.cache)));
  }
  return looks;
}

function lookAt(uri: string, text: string, cache: PlanCache | undefined): FirstLook {
  if (!mightBePlan(text)) return { uri, text: '' };
  const hash = cache ? contentHash(text) : undefined;
  const cached = hash === undefined ? undefined : cache!.get(hash, uri);
  if (cached) return cached.phases.length > 0 ? { uri, text, plan: cached, hash } : { uri, text, hash };
  const plan = outlinePlan(text, uri);
  return plan.phases.length > 0 ? { uri, text, plan, provisional: true, hash } : { uri, text, hash };
}
