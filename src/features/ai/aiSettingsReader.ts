import * as vscode from 'vscode';
import { normalizeAiSettings, type AiSettings } from '../../core/ai/aiSettings';

/** The raw openpypi.ai.* values; a change in this string means the provider must be rebuilt. */
export function aiConfigurationKey(): string {
  const config = vscode.workspace.getConfiguration('openpypi.ai');
  return JSON.stringify([
    config.get('baseUrl'),
    config.get('model'),
    config.get('maxCostPerRequest'),
  ]);
}

/** The AI settings, checked; a wrong value throws a message naming the setting. */
export function readAiSettings(): AiSettings {
  const config = vscode.workspace.getConfiguration('openpypi.ai');
  return normalizeAiSettings({
    baseUrl: config.get<unknown>('baseUrl'),
    model: config.get<unknown>('model'),
    maxCostPerRequest: config.get<unknown>('maxCostPerRequest'),
  });
}
