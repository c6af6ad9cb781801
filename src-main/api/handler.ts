// What a handler is: the router's map from call name to function, typed by the contract. In a file
// of its own so the handlers can name their type without importing the router that imports them.
import type { CallName, ParsedArgs, Result } from '../contract';
import type { Context } from '../operations/context';

export type Handler<K extends CallName> = (
  args: ParsedArgs<K>,
  ctx: Context,
) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
