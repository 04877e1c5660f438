import { type Props } from "./props";
/** What the double knows about one type token. */
export interface TypeSchema {
    /** Input keys whose change forces a replacement ("*": any input). */
    readonly replaceOnChanges: readonly string[] | "*";
}
/** The schema of a type token. */
export declare function schemaFor(type: string): TypeSchema;
/** Package of a type token (`random:index/randomString:RandomString` → `random`). */
export declare function packageOf(type: string): string;
/** Provider Create: a new id and outputs (inputs + computed + id). */
export declare function providerCreate(type: string, name: string, inputs: Props, config: Props): {
    id: string;
    outputs: Props;
};
/** Provider Update: new inputs over the old computed outputs, same id. */
export declare function providerUpdate(id: string, oldOutputs: Props, oldInputs: Props, inputs: Props): Props;
/** Answers an invoke the double implements; undefined for unknown tokens. */
export declare function providerInvoke(tok: string, args: Props, config: Props): Props | undefined;
/** Invoke tokens the double answers (named in the error for unknown tokens). */
export declare const KNOWN_INVOKES: string[];
