export { detectShell, type ShellInfo, type ShellKind } from './detect';
export { escapeInCmdQuotes, quoteForCmd, typeableText } from './cmdQuote';
export { expandLaunchCommand, wslEnvFor, LAUNCH_ENV, LAUNCH_VARIABLES, type ExpandedLaunch, type LaunchValues, type LaunchVariable } from './launchTemplate';
