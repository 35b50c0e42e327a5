/**
 * `RULE path:line` of what Debian's Bandit 1.6.2 reports in test/workspaces/demo, sorted: the
 * exact set a scan of the demo folder must show.
 */
export const demoBanditFindings: readonly string[] = [
  'B201 app/web.py:23',
  'B301 app/loader.py:14',
  'B303 app/settings.py:11',
  'B307 app/loader.py:19',
  'B403 app/loader.py:2',
  'B404 app/run.py:2',
  'B501 app/web.py:18',
  'B506 app/loader.py:9',
  'B602 app/run.py:7',
  'B603 app/run.py:11',
  'B607 app/run.py:11',
];
