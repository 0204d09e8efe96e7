export declare const MAX_VSIX_BYTES: number;
export declare function referencedFiles(manifest: unknown): string[];
export declare function checkVsixContents(input: {
  paths: readonly string[];
  totalBytes: number;
  manifest: unknown;
  exists(file: string): boolean;
}): { errors: string[]; warnings: string[] };
