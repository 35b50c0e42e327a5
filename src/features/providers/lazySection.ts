import * as vscode from 'vscode';
import type { ProviderId } from '../../core/providers/providerId';
import type { ProviderSection } from './providerSection';

/**
 * A section of the Providers view whose code loads on first use. The view gets this stand-in at
 * activation; the real section (built by a lazily loaded runtime, scripts/lib/lazyRuntimes.mjs)
 * is made the first time the view draws the provider's row or a command needs it, and its
 * change events are passed on.
 */
export class LazySection<T extends object, S extends ProviderSection<T> = ProviderSection<T>>
  implements ProviderSection<T>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChange = this.changed.event;
  private built: S | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(
    readonly providerId: ProviderId,
    private readonly create: () => S,
  ) {}

  /** The real section, built now if it was not yet. */
  load(): S {
    if (this.built === undefined) {
      const section = this.create();
      this.forwarding = section.onDidChange((element) => {
        this.changed.fire(element);
      });
      this.built = section;
    }
    return this.built;
  }

  /** The real section if something already needed it, without building it. */
  get ifBuilt(): S | undefined {
    return this.built;
  }

  rootItem(): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.load().rootItem();
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.load().getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.load().getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    const section = this.load();
    return section.getParent ? section.getParent(element) : undefined;
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
