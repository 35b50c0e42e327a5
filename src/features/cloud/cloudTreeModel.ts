import type { AwsProfile } from '../../core/cloud/inventory/awsProfiles';
import type { CliAccount } from '../../core/cloud/inventory/cloudCliAccounts';
import type { KubeContext, KubeconfigProblem } from '../../core/cloud/inventory/kubeconfig';
import type { CloudInventory } from './cloudInventory';

/**
 * The Cloud section as data, one variant per kind of node; no vscode import, so the builder is
 * unit-tested in plain Node and one mapper (cloudTreeItem.ts) turns it into TreeItems.
 */
export type CloudGroup = 'kubernetes' | 'aws' | 'gcloud' | 'az' | 'keys';

export type CloudNode =
  | {
      readonly kind: 'group';
      readonly group: CloudGroup;
      readonly label: string;
      readonly description: string;
    }
  | { readonly kind: 'context'; readonly context: KubeContext; readonly current: boolean }
  | { readonly kind: 'kubeconfig-problem'; readonly problem: KubeconfigProblem }
  | { readonly kind: 'profile'; readonly profile: AwsProfile; readonly active: boolean }
  | { readonly kind: 'account'; readonly account: CliAccount | 'untrusted' }
  | { readonly kind: 'key'; readonly name: string }
  | { readonly kind: 'empty'; readonly group: CloudGroup; readonly message: string };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The description on the Cloud row: "2 kube contexts · AWS profile default". */
export function describeCloudRoot(inventory: CloudInventory): string {
  const parts: string[] = [];
  const contexts = inventory.kube.contexts.length;
  if (contexts > 0) parts.push(plural(contexts, 'kube context', 'kube contexts'));
  if (inventory.kube.problems.length > 0) {
    parts.push(plural(inventory.kube.problems.length, 'kubeconfig error', 'kubeconfig errors'));
  }
  if (inventory.aws.active !== undefined) parts.push(`AWS profile ${inventory.aws.active}`);
  else if (inventory.aws.profiles.length > 0) {
    parts.push(plural(inventory.aws.profiles.length, 'AWS profile', 'AWS profiles'));
  }
  return parts.length === 0 ? 'nothing configured on this machine' : parts.join(' · ');
}

/** The groups under the Cloud row. */
export function cloudGroups(inventory: CloudInventory): CloudNode[] {
  const kube = inventory.kube;
  return [
    {
      kind: 'group',
      group: 'kubernetes',
      label: 'Kubernetes',
      description:
        kube.currentContext === undefined
          ? plural(kube.contexts.length, 'context', 'contexts')
          : `${plural(kube.contexts.length, 'context', 'contexts')} · current ${kube.currentContext}`,
    },
    {
      kind: 'group',
      group: 'aws',
      label: 'AWS',
      description: plural(inventory.aws.profiles.length, 'profile', 'profiles'),
    },
    { kind: 'group', group: 'gcloud', label: 'Google Cloud', description: 'gcloud' },
    { kind: 'group', group: 'az', label: 'Azure', description: 'az' },
    {
      kind: 'group',
      group: 'keys',
      label: 'Stored keys',
      description: inventory.storedKeys.length === 0 ? 'none' : String(inventory.storedKeys.length),
    },
  ];
}

/** The nodes of one group. gcloud and az need their accounts, read only when expanded. */
export function cloudGroupChildren(
  group: CloudGroup,
  inventory: CloudInventory,
  account?: CliAccount | 'untrusted',
): CloudNode[] {
  switch (group) {
    case 'kubernetes': {
      const nodes: CloudNode[] = inventory.kube.problems.map((problem) => ({
        kind: 'kubeconfig-problem',
        problem,
      }));
      for (const context of inventory.kube.contexts) {
        nodes.push({
          kind: 'context',
          context,
          current: context.name === inventory.kube.currentContext,
        });
      }
      if (nodes.length === 0) {
        nodes.push({
          kind: 'empty',
          group,
          message: `No kube contexts in ${inventory.kubeconfigFiles.join(', ')}`,
        });
      }
      return nodes;
    }
    case 'aws':
      return inventory.aws.profiles.length === 0
        ? [
            {
              kind: 'empty',
              group,
              message: 'No AWS profiles in ~/.aws/config or ~/.aws/credentials',
            },
          ]
        : inventory.aws.profiles.map((profile) => ({
            kind: 'profile',
            profile,
            active: profile.name === inventory.aws.active,
          }));
    case 'gcloud':
    case 'az':
      return account === undefined ? [] : [{ kind: 'account', account }];
    case 'keys':
      return inventory.storedKeys.length === 0
        ? [{ kind: 'empty', group, message: 'No keys stored: cloud CLIs keep their own sign-in' }]
        : inventory.storedKeys.map((name) => ({ kind: 'key', name }));
  }
}

/** What a person reads on an account node. */
export function describeAccount(account: CliAccount | 'untrusted'): {
  label: string;
  description: string;
} {
  if (account === 'untrusted') {
    return { label: 'Not checked', description: 'the workspace is not trusted, so no CLI is run' };
  }
  const cli = account.cli;
  switch (account.state) {
    case 'not-installed':
      return { label: `${cli} not installed`, description: '' };
    case 'signed-out':
      return { label: 'No active account', description: `${cli} is installed` };
    case 'active':
      return { label: account.account, description: account.detail ?? 'active account' };
    case 'failed':
      return { label: `${cli} failed`, description: account.reason };
  }
}

/** contextValue of a node: what its menus offer. */
export function cloudNodeContextValue(node: CloudNode): string {
  switch (node.kind) {
    case 'context':
      return 'openpypi.cloud.context';
    case 'key':
      return 'openpypi.cloud.key';
    case 'group':
      return `openpypi.cloud.group.${node.group}`;
    case 'kubeconfig-problem':
      return 'openpypi.cloud.problem';
    default:
      return `openpypi.cloud.${node.kind}`;
  }
}
