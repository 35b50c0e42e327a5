import type { Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { IMAGE_BASE_ID, rootUri, SRCROOT } from './artifactLocation';

export interface DriverInfo {
  name: string;
  version?: string;
  informationUri: string;
}

/**
 * Collects rules, results and notifications for one tool invocation and builds the SARIF run
 * in the shape the SARIF half expects: rules indexed once, results with ruleId and ruleIndex,
 * %SRCROOT% as the base of relative URIs, code-point columns.
 */
export class RunBuilder {
  private readonly rules: ReportingDescriptor[] = [];
  private readonly ruleIndexes = new Map<string, number>();
  private readonly results: Result[] = [];
  private readonly notifications: Notification[] = [];

  constructor(
    private readonly driver: DriverInfo,
    private readonly root: string,
  ) {}

  /** The index of a rule, creating it on first use. */
  rule(id: string, create: () => Omit<ReportingDescriptor, 'id'>): number {
    const known = this.ruleIndexes.get(id);
    if (known !== undefined) {
      return known;
    }
    const index = this.rules.length;
    this.rules.push({ id, ...create() });
    this.ruleIndexes.set(id, index);
    return index;
  }

  ruleAt(index: number): ReportingDescriptor | undefined {
    return this.rules[index];
  }

  /** Adds a result for a rule created with `rule()`. */
  add(ruleIndex: number, result: Omit<Result, 'ruleId' | 'ruleIndex'>): void {
    const rule = this.rules[ruleIndex];
    if (rule === undefined) {
      throw new RangeError(`No rule at index ${ruleIndex}`);
    }
    this.results.push({ ruleId: rule.id, ruleIndex, ...result });
  }

  notify(level: Notification.level, text: string, properties?: Record<string, unknown>): void {
    const notification: Notification = { level, message: { text } };
    if (properties !== undefined) {
      notification.properties = properties;
    }
    this.notifications.push(notification);
  }

  /** The result added last, to attach what only the caller knows (suppressions). */
  lastResult(): Result {
    const last = this.results[this.results.length - 1];
    if (last === undefined) {
      throw new RangeError('No result yet');
    }
    return last;
  }

  get resultCount(): number {
    return this.results.length;
  }

  build(): Run {
    const usesImage = this.results.some((r) =>
      r.locations?.some((l) => l.physicalLocation?.artifactLocation?.uriBaseId === IMAGE_BASE_ID),
    );
    const run: Run = {
      tool: {
        driver: {
          name: this.driver.name,
          informationUri: this.driver.informationUri,
          rules: this.rules,
        },
      },
      originalUriBaseIds: {
        [SRCROOT]: { uri: rootUri(this.root) },
        ...(usesImage
          ? {
              [IMAGE_BASE_ID]: {
                description: {
                  text: 'Container images scanned by the tool. Their references are not files in the workspace.',
                },
              },
            }
          : {}),
      },
      columnKind: 'unicodeCodePoints',
      results: this.results,
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: this.notifications,
        },
      ],
    };
    if (this.driver.version !== undefined) {
      run.tool.driver.version = this.driver.version;
    }
    return run;
  }
}
