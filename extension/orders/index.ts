/**
 * The side panel's Orders view: importing this defines `<resmark-agent-orders>` and
 * `<resmark-agent-order>`; the panel mounts the first with the agent's client.
 */
export {
  DEFAULT_RANGE_DAYS,
  ResmarkAgentOrders,
  type OrderSearchBy,
} from './resmark-agent-orders.js';
export { ResmarkAgentOrder } from './resmark-agent-order.js';
export type { CancelTarget, OrdersClient } from './cancel.js';
export type { OrderEventDetails, OrderEventName, OrderOpenedBy } from './events.js';
