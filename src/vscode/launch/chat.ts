import * as vscode from 'vscode';
import { CHAT_OPEN_COMMAND, chatAvailable } from './launchAction';

/**
 * Puts `prompt` into VS Code's chat input, where a chat is available. The prompt is left for
 * the user to send (`isPartialQuery`): they see what goes to the model and choose the mode or
 * agent, and a plan from an untrusted workspace never sets an agent to work on its own.
 * False when there is no chat, or opening it failed.
 */
export async function openChatWith(prompt: string): Promise<boolean> {
  const commands = await vscode.commands.getCommands(true);
  const aiDisabled = vscode.workspace.getConfiguration('chat').get<boolean>('disableAIFeatures', false);
  if (!chatAvailable(commands, aiDisabled)) return false;
  try {
    await vscode.commands.executeCommand(CHAT_OPEN_COMMAND, { query: prompt, isPartialQuery: true });
    return true;
  } catch {
    return false;
  }
}
