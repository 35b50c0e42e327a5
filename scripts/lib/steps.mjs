// A list of named steps run in order with a header each; the first failure stops the run.

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {() => Promise<unknown>} run resolves when the step passed; a resolved `false` fails it
 */

/**
 * @param {Step[]} steps
 * @returns {Promise<boolean>} true when every step passed
 */
export async function runSteps(steps) {
  const started = Date.now();
  /** @type {string[]} */
  const summary = [];
  for (const [index, step] of steps.entries()) {
    const header = `[${index + 1}/${steps.length}] ${step.name}`;
    console.log(`\n${'='.repeat(78)}\n${header}\n${'='.repeat(78)}`);
    const stepStarted = Date.now();
    let failure;
    try {
      const result = await step.run();
      if (result === false) failure = 'failed';
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
    summary.push(`${failure ? 'FAIL' : 'ok  '} ${step.name} (${seconds} s)`);
    if (failure) {
      console.error(`\n${header}: FAILED\n${failure}`);
      printSummary(summary, started);
      return false;
    }
  }
  printSummary(summary, started);
  return true;
}

/** @param {string[]} summary @param {number} started */
function printSummary(summary, started) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${'-'.repeat(78)}\n${summary.join('\n')}\ntotal ${seconds} s`);
}
