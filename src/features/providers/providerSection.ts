import * as vscode from 'vscode';
import type { ProviderId } from '../../core/providers/providerId';
import type { ProviderStatus } from '../../core/providers/providerStatus';

/**
 * A provider that draws its own part of the Providers view: Docker images and containers,
 * GitHub repositories, database schemas, cloud contexts. The view shows the section's root
 * item as the provider's row and asks the section for every node below it, lazily, level by
 * level. The nodes are the section's own objects; the view wraps them.
 */
export interface ProviderSection<T extends object = object> {
  readonly providerId: ProviderId;
  /** The provider's row: label, status as description, icon, tooltip, contextValue. */
  rootItem(): vscode.TreeItem | Thenable<vscode.TreeItem>;
  /** The nodes under the provider's row (no element) or under one of the section's nodes. */
  getChildren(element?: T): vscode.ProviderResult<T[]>;
  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
  /** Needed for `reveal`; undefined means the node sits right under the provider's row. */
  getParent?(element: T): vscode.ProviderResult<T>;
  /** Fire undefined to redraw the whole section (its row too), or a node to redraw that node. */
  readonly onDidChange: vscode.Event<T | undefined>;
}

/**
 * What every section that draws from one source (an engine watch, an account) shares: its
 * `onDidChange`, fired with undefined whenever the source changes, `redraw` for the section
 * itself, and disposal of both.
 */
export abstract class RedrawnSection<T extends object> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(source: vscode.Event<unknown>) {
    this.subscription = source(() => {
      this.changed.fire(undefined);
    });
  }

  /** Redraws the whole section (no node: its row too) or one node. */
  redraw(node?: T): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A node of the Providers view that belongs to a section: its row, or one of its nodes. */
export type SectionNode =
  | { readonly kind: 'section-root'; readonly providerId: ProviderId }
  | { readonly kind: 'section-node'; readonly providerId: ProviderId; readonly element: object };

/** What a feature gets to plug its provider into the Providers view. */
export interface ProvidersViewHost {
  /** Shows the section in place of the provider's planned or registry row. */
  addSection(section: ProviderSection): vscode.Disposable;
  /** Whether the Providers view is on screen now (poll only while it is). */
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<boolean>;
  /** Reveals one of a section's nodes (the section must implement getParent). */
  reveal(
    providerId: ProviderId,
    element: object,
    options?: { select?: boolean; expand?: boolean },
  ): Thenable<void>;
}

/**
 * A provider feature that owns its sign-in (GitHub: VS Code's account or a token): the
 * `openpypi.providers.signIn/signOut/validate` commands hand its id to these.
 */
export interface ProviderAccount {
  /** `options` is the command's automation argument (for example { token }). */
  signIn(options: unknown): Promise<ProviderStatus | undefined>;
  signOut(): Promise<boolean>;
  validate(signal?: AbortSignal): Promise<ProviderStatus>;
  /** The last known status, undefined before the first check. */
  readonly status?: ProviderStatus | undefined;
}
