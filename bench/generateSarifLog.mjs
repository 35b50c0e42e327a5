// A generated SARIF 2.1.0 log for benchmarks: `results` results spread over `files` Python files
// under a SRCROOT base, 20 rules, levels mixed. Deterministic, so runs compare.

/**
 * @param {{ results: number, files: number }} size
 * @returns {object} the log
 */
export function generateSarifLog({ results, files }) {
  const ruleCount = 20;
  const rules = Array.from({ length: ruleCount }, (_, index) => ({
    id: `GEN${String(index).padStart(3, '0')}`,
    shortDescription: { text: `Generated rule ${index}` },
    defaultConfiguration: {
      level: index % 3 === 0 ? 'error' : index % 3 === 1 ? 'warning' : 'note',
    },
  }));
  const list = Array.from({ length: results }, (_, index) => {
    const file = index % files;
    return {
      ruleId: rules[index % ruleCount].id,
      ruleIndex: index % ruleCount,
      message: { text: `Finding ${index} in module ${file}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `pkg${file % 50}/module${file}.py`, uriBaseId: 'SRCROOT' },
            region: {
              startLine: 1 + (Math.floor(index / files) % 200),
              startColumn: 5,
              endColumn: 20,
            },
          },
        },
      ],
    };
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'generator', rules } }, results: list }],
  };
}
