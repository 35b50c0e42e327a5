import type {
  AlertSeverity,
  CodeScanningAlert,
  GithubRepository,
  RepositoryName,
} from '../../core/github/githubModel';

export type GithubCategory = 'code-scanning' | 'dependabot' | 'workflows' | 'releases';

/** The GitHub section of the Providers view as data: one variant per kind of row. */
export type GithubNode =
  | {
      readonly kind: 'repository';
      readonly repository: GithubRepository | RepositoryName;
      readonly isWorkspace: boolean;
      /** Its four category rows, made once so each keeps what it loaded when the view asks again. */
      categories?: GithubNode[];
    }
  | {
      readonly kind: 'category';
      readonly repository: RepositoryName;
      readonly category: GithubCategory;
      /** Filled when the category was expanded: the rows under it and its count. */
      loaded?: { readonly children: GithubNode[]; readonly summary: string };
    }
  | {
      readonly kind: 'severity';
      readonly repository: RepositoryName;
      readonly severity: AlertSeverity;
      readonly alerts: readonly CodeScanningAlert[];
    }
  | {
      readonly kind: 'item';
      readonly label: string;
      readonly description: string;
      readonly tooltip: string;
      readonly icon: string;
      readonly color?: string;
      readonly open?: { readonly path: string; readonly line: number };
    }
  | {
      /** What went wrong or what to do, in the tree itself (never an empty list). */
      readonly kind: 'message';
      readonly label: string;
      readonly tooltip: string;
      readonly icon: string;
      readonly command?: { readonly id: string; readonly args: unknown[] };
    };

export const severityOrder: readonly AlertSeverity[] = [
  'critical',
  'high',
  'error',
  'medium',
  'warning',
  'low',
  'note',
];
