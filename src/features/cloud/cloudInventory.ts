import type { CliAccount } from '../../core/cloud/inventory/cloudCliAccounts';
import type { AwsProfiles } from '../../core/cloud/inventory/awsProfiles';
import type { MergedKubeconfig } from '../../core/cloud/inventory/kubeconfig';

/** What the machine already has, as the Cloud section shows it. No key values, only names. */
export interface CloudInventory {
  readonly kube: MergedKubeconfig;
  readonly kubeconfigFiles: readonly string[];
  readonly aws: AwsProfiles;
  /** Names of the keys the person chose to store in SecretStorage. */
  readonly storedKeys: readonly string[];
}

export type CliAccounts = Readonly<Record<'gcloud' | 'az', CliAccount | 'untrusted'>>;
