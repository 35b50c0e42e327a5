import os from 'node:os';
import * as vscode from 'vscode';
import type { EngineAddressInput } from '../../core/docker/engineAddress';
import type { RunLimits } from '../../core/docker/secureRun';
import type { SeverityWord } from '../../core/docker/imageScanSummary';

export interface DockerSettings {
  readonly address: EngineAddressInput;
  readonly limits: RunLimits;
  /** NetworkMode for containers OpenPypi runs; '' is the engine's default. */
  readonly runNetwork: string;
  readonly autoQuarantine: boolean;
  readonly quarantineSeverity: SeverityWord;
  readonly pollSeconds: number;
  /** openpypi.trivy.path (machine-scoped), '' for PATH. */
  readonly trivyPath: string;
  readonly scanTimeoutMs: number;
}

/** openpypi.docker.* read once per use, typed, with defaults. Host and TLS are machine-scoped. */
export function readDockerSettings(): DockerSettings {
  const config = vscode.workspace.getConfiguration('openpypi');
  const severity = config.get<string>('docker.quarantineSeverity', 'HIGH').toUpperCase();
  return {
    address: {
      settingHost: config.get<string>('docker.host', ''),
      settingTls: {
        caFile: config.get<string>('docker.tlsCaFile', ''),
        certFile: config.get<string>('docker.tlsCertFile', ''),
        keyFile: config.get<string>('docker.tlsKeyFile', ''),
        ...(config.get<boolean | null>('docker.tlsVerify', null) === null
          ? {}
          : { verify: config.get<boolean>('docker.tlsVerify', false) }),
      },
      env: process.env,
      platform: process.platform,
      homeDir: os.homedir(),
    },
    limits: {
      memoryMb: Math.max(6, config.get<number>('docker.run.memoryMb', 512)),
      cpus: Math.max(0.01, config.get<number>('docker.run.cpus', 1)),
      pids: Math.max(1, config.get<number>('docker.run.pidsLimit', 256)),
    },
    runNetwork: config.get<string>('docker.run.network', ''),
    autoQuarantine: config.get<boolean>('docker.autoQuarantine', false),
    quarantineSeverity:
      severity === 'CRITICAL' || severity === 'MEDIUM' || severity === 'LOW' ? severity : 'HIGH',
    pollSeconds: Math.max(2, config.get<number>('docker.pollIntervalSeconds', 15)),
    trivyPath: config.get<string>('trivy.path', ''),
    scanTimeoutMs: Math.max(5, config.get<number>('security.timeoutSeconds', 300)) * 1000,
  };
}
