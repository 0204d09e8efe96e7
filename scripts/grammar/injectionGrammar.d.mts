export declare const grammar: Record<string, unknown>;
/** The JSON text syntaxes/phaselens.injection.json must hold. */
export declare const grammarText: string;
