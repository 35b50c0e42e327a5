import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';

/** The Back button was pressed: the flow goes to the previous step. */
export class BackRequested extends Error {
  constructor() {
    super('Back');
    this.name = 'BackRequested';
  }
}

interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends StepPosition {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T | undefined;
  readonly matchOnDescription?: boolean;
}

export interface ManyPickOptions<T extends vscode.QuickPickItem> extends StepPosition {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly selected: readonly T[];
  /** Why the selection cannot be accepted, or undefined when it can. */
  readonly validate?: (items: readonly T[]) => string | undefined;
}

export interface InputOptions extends StepPosition {
  readonly prompt: string;
  readonly value: string;
  readonly placeholder?: string;
  /** A problem (blocks Enter) or a note (shown, Enter allowed) for the current text. */
  readonly validate?: (value: string) => Promise<vscode.InputBoxValidationMessage | undefined>;
}

/**
 * One quick input per step with a Back button from the second step on. Escape cancels the
 * whole flow (CancelledError); Back throws BackRequested for the flow to step back.
 */
export class MultiStepInput {
  private run<T>(
    input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox,
    position: StepPosition,
    onAccept: (settle: (value: T) => void, fail: (error: Error) => void) => void,
  ): Promise<T> {
    input.title = position.title;
    input.step = position.step;
    input.totalSteps = position.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = position.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const disposables: vscode.Disposable[] = [];
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
        for (const disposable of disposables) disposable.dispose();
        input.dispose();
      };
      disposables.push(
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) {
            finish(() => {
              reject(new BackRequested());
            });
          }
        }),
        input.onDidHide(() => {
          finish(() => {
            reject(new CancelledError('Create Python Project cancelled'));
          });
        }),
      );
      onAccept(
        (value) => {
          finish(() => {
            resolve(value);
          });
        },
        (error) => {
          finish(() => {
            reject(error);
          });
        },
      );
      input.show();
    });
  }

  pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    if (options.active) pick.activeItems = [options.active];
    return this.run<T>(pick, options, (settle) => {
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        if (chosen) settle(chosen);
      });
    });
  }

  pickMany<T extends vscode.QuickPickItem>(options: ManyPickOptions<T>): Promise<readonly T[]> {
    const pick = vscode.window.createQuickPick<T>();
    pick.placeholder = options.placeholder;
    pick.canSelectMany = true;
    pick.items = options.items;
    pick.selectedItems = options.selected;
    return this.run<readonly T[]>(pick, options, (settle) => {
      // A quick pick has no validation message: the problem shows in the placeholder.
      pick.onDidChangeSelection((items) => {
        pick.placeholder = options.validate?.(items) ?? options.placeholder;
      });
      pick.onDidAccept(() => {
        const problem = options.validate?.(pick.selectedItems);
        if (problem !== undefined) {
          pick.placeholder = problem;
          return;
        }
        settle(pick.selectedItems);
      });
    });
  }

  input(options: InputOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    box.prompt = options.prompt;
    box.value = options.value;
    box.placeholder = options.placeholder;
    let latest = 0;
    const check = async (value: string): Promise<vscode.InputBoxValidationMessage | undefined> => {
      const ticket = (latest += 1);
      const message = await options.validate?.(value);
      if (ticket === latest) box.validationMessage = message;
      return message;
    };
    return this.run<string>(box, options, (settle, fail) => {
      box.onDidChangeValue((value) => {
        void check(value).catch(fail);
      });
      void check(box.value).catch(fail);
      box.onDidAccept(() => {
        box.busy = true;
        void check(box.value)
          .then((message) => {
            box.busy = false;
            if (message?.severity !== vscode.InputBoxValidationSeverity.Error) settle(box.value);
          })
          .catch(fail);
      });
    });
  }
}
