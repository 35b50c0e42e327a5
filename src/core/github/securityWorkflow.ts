import { stringify } from 'yaml';

const checkout = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8'; // v5.0.0

/**
 * A GitHub Actions workflow that runs the tests and the scanners OpenPypi runs locally
 * (Bandit as SARIF, pip-audit over the declared dependencies) and uploads the SARIF to code
 * scanning. Least privilege: read-only contents, security-events: write only for the upload.
 */
export function securityWorkflow(options: { pythonVersion?: string; hasTests: boolean }): string {
  const python = options.pythonVersion ?? '3.12';
  const setup = [
    { uses: checkout, with: { 'persist-credentials': false } },
    { uses: 'actions/setup-python@v5', with: { 'python-version': python } },
  ];
  const jobs: Record<string, unknown> = {};
  if (options.hasTests) {
    jobs.tests = {
      name: 'Tests',
      'runs-on': 'ubuntu-latest',
      permissions: { contents: 'read' },
      steps: [
        ...setup,
        {
          name: 'Install the project',
          run: 'python -m pip install --upgrade pip\npip install -e . pytest || pip install -r requirements.txt pytest',
        },
        { name: 'pytest', run: 'python -m pytest' },
      ],
    };
  }
  jobs.scan = {
    name: 'Security scan (Bandit, pip-audit) to code scanning',
    'runs-on': 'ubuntu-latest',
    permissions: { contents: 'read', 'security-events': 'write' },
    steps: [
      ...setup,
      { name: 'Install the scanners', run: 'pip install "bandit[sarif]" pip-audit' },
      {
        name: 'Bandit',
        run: 'bandit --recursive . --exclude ./.venv,./venv,./tests --format sarif --output bandit.sarif --exit-zero',
      },
      {
        name: 'pip-audit',
        run: 'if [ -f requirements.txt ]; then pip-audit --requirement requirements.txt; else pip-audit .; fi',
        'continue-on-error': true,
      },
      {
        uses: 'github/codeql-action/upload-sarif@v4',
        if: 'always()',
        with: { sarif_file: 'bandit.sarif', category: 'bandit' },
      },
    ],
  };
  const workflow = {
    name: 'OpenPypi security',
    on: {
      push: { branches: ['main'] },
      pull_request: {},
      schedule: [{ cron: '23 4 * * 1' }],
      workflow_dispatch: {},
    },
    permissions: { contents: 'read' },
    jobs,
  };
  return (
    '# Tests and security scanners with SARIF upload to GitHub code scanning (written by OpenPypi).\n' +
    stringify(workflow, { lineWidth: 0 })
  );
}
