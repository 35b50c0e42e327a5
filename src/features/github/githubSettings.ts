import * as vscode from 'vscode';
import { githubApiUrl } from '../../core/github/githubApiUrl';

/** The REST API base URL (machine-scoped setting openpypi.github.apiUrl), checked. */
export function readGithubApiUrl(): string {
  return githubApiUrl(vscode.workspace.getConfiguration('openpypi.github').get<string>('apiUrl'));
}
