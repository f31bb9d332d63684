/** Go's text/template and the fmt verbs it needs, for kubectl's -o go-template and the Helm emulator. */
export { Template, TemplateExecError } from './template.ts';
export { ParseError } from './parse.ts';
export { ExecError, type MissingKey } from './exec.ts';
export { BUILTINS, goFunc, htmlEscape, jsEscape, queryEscape } from './builtins.ts';
export { sprint, sprintf, sprintln } from './fmt/print.ts';
export { formatFloat } from './fmt/float.ts';
export {
  GoError,
  GoFunc,
  GoInt,
  GoStruct,
  int,
  int64,
  typedMap,
  typedSlice,
  fromJSON,
  typeName,
  type GoMap,
  type GoValue,
  type IntType,
  type Signature,
} from './value.ts';
