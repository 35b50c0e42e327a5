/** `openpypi --help`. */
export const CLI_USAGE = `Usage:
  openpypi scan [DIR] [options]     Run the Python security scanners on DIR (default: .)
  openpypi import FILE... [options] Normalise and merge other tools' SARIF 2.1.0 logs
  openpypi --help | --version

Scan options:
  --tools LIST         Comma-separated: bandit,pip-audit,safety,trivy (default: all four)
  --timeout S          Seconds each tool may run (default: 600)
  --bandit-path EXE    Executable to use for Bandit (likewise --pip-audit-path,
                       --safety-path, --trivy-path); otherwise the active Python
                       environment's bin/, then PATH
  --python-env DIR     A Python environment whose bin/ holds the tools

Common options:
  --sarif FILE         Where to write the merged SARIF log
                       (default: DIR/.openpypi/reports/openpypi.sarif; for import: the
                       current folder's .openpypi/reports/openpypi.sarif)
  --root DIR           import only: the workspace the imported paths are relative to
                       (default: the current folder)
  --baseline FILE      A previous SARIF log: every result gets baselineState
                       new / unchanged / updated, and fixed ones are kept as absent
  --fail-on LEVEL      error | warning | note | none (default: error)
  --quiet              Only errors and the summary on stderr
  --verbose            Also progress and debug lines on stderr

Output:
  The log validates as SARIF 2.1.0 for GitHub code scanning. Its path is printed on
  stdout; a summary table (results per tool and level, unique findings, tools that
  did not run and how to install them) goes to stderr.

Exit codes:
  0  no unique finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, or every requested tool (every input file for import) failed
`;
