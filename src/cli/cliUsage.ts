/** `openpypi --help`. */
export const CLI_USAGE = `Usage:
  openpypi scan [DIR] [options]     Run the Python security scanners on DIR (default: .)
  openpypi import FILE... [options] Normalise and merge other tools' SARIF 2.1.0 logs
  openpypi new NAME [options]       Create a Python project (the editor's Create Python Project)
  openpypi --help | --version

Scan options:
  --tools LIST         Comma-separated: bandit,pip-audit,safety,trivy (default: all four)
  --timeout S          Seconds each tool may run (default: 600)
  --bandit-path EXE    Executable to use for Bandit (likewise --pip-audit-path,
                       --safety-path, --trivy-path); otherwise the active Python
                       environment's bin/, then PATH
  --python-env DIR     A Python environment whose bin/ holds the tools

New options:
  --template ID        library | cli | web-api | data-science | ml-toolkit, or one from
                       --templates (default: library)
  --backend NAME       hatchling | setuptools | poetry | uv (default: hatchling)
  --python RANGE       Supported Python versions, e.g. 3.10-3.13 or 3.11,3.12
                       (default: 3.10-3.13)
  --description TEXT, --author NAME, --email ADDRESS
                       (author and email default to git config user.name/user.email)
  --license SPDX-ID    An SPDX licence id; its text is written to LICENSE (default: MIT)
  --docker --ci --security --dependabot --precommit --docs --database --git
                       Add a Dockerfile, the CI workflow, the security workflow (Bandit,
                       pip-audit, Trivy with SARIF upload), dependabot.yml, the pre-commit
                       config, MkDocs, SQLAlchemy + Alembic, a git repository with a
                       first commit; --all adds all of them
  --templates DIR      A folder of your own templates (same shape as the built-in ones)
  --dir PATH           Where the project folder is created (default: the current folder)
  --yes                Do not ask for confirmation (needed when stdin is not a terminal)
  The project folder is written whole or not at all: a bad name, a non-empty target folder
  or an interruption leave nothing behind.

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
