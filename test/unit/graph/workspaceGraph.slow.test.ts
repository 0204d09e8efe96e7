import fc from 'fast-check';
import { checkSequence, operations } from './graphEquivalence';

describe('graph: incremental workspace graph (many samples)', function () {
  // Hundreds of sequences, each checked step by step against a full rebuild: minutes on a loaded machine.
  this.timeout(900_000);

  it('equals the graph built from scratch after random edit sequences', () => {
    fc.assert(fc.property(operations, checkSequence), { numRuns: 1_500 });
  });
});
