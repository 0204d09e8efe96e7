export { createDocumentParser, type DocumentParser } from './documentParser';
export { detachPlan } from './detachPlan';
export { buildWorkspaceIndexSliced, indexPlans, updateGraphSliced, type IndexedPlan, type IndexOptions, type IndexProgress, type IndexResult, type IndexStats, type PlanParserThread, type PlanSource } from './indexPlans';
export { OffThreadParser } from './offThreadParser';
export { mightBePlan } from './mightBePlan';
export { contentHash, PARSER_VERSION, PlanCache, type SerializeOptions } from './planCache';
export { yieldToEventLoop } from './yieldToEventLoop';
export { DEFAULT_SLICE_MS, Slicer, type SliceOptions, type SliceStats } from './slicer';
export { MAX_PLAN_BYTES, overPlanSizeLimit, planSizeMessage } from './sizeLimit';
