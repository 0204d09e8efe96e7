// Mocha's spec reporter, plus the plain closing line CI reads: "<label>: N passed, N failed, N skipped".
// The label (`--reporter-option label=unit|slow`) tells the fast and the slow runs apart in a log.
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = options?.reporterOption?.label ?? options?.reporterOptions?.label ?? 'unit';
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${label}: ${passes} passed, ${failures} failed, ${pending} skipped`);
    });
  }
}

module.exports = SpecWithSummary;
