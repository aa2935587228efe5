/**
 * The public entry of `shared/`: the client, every request and response schema with its type, the
 * error, and the booking rules. Internal building blocks (schema pieces, the request loop, the
 * endpoint factories) stay out: every name here is kept in the browser build.
 */
export { Agency, AgencyInfo } from './agency.js';
export {
  Credentials,
  Token,
  type AuthSession,
  type IssuedToken,
  type ResmarkAuth,
} from './auth.js';
export {
  AddCartItem,
  ApplyDiscount,
  Cart,
  CartItem,
  CartQuery,
  CreateCartQuery,
  DeletedCart,
  DiscountRefusal,
  Participant,
  Renewal,
  StoredCustomer,
  type DiscountResult,
} from './cart.js';
export {
  ENVIRONMENTS,
  createResmarkClient,
  type ResmarkClient,
  type ResmarkClientOptions,
} from './client.js';
export * from './customer.js';
export { ResmarkError, type ResmarkErrorKind, type ResmarkErrorOptions } from './errors.js';
export * from './format.js';
export type { RequestOptions } from './http.js';
export * from './item-rules.js';
export * from './limits.js';
export * from './money.js';
export {
  CreateOrder,
  Order,
  OrderItem,
  OrderParticipant,
  OrderQuery,
  OrderReseller,
  type CancelOptions,
} from './order.js';
export * from './phone.js';
export {
  Inventory,
  InventoryDay,
  InventoryQuery,
  InventorySlot,
  PickupZone,
  Product,
  ProductLocation,
  ProductQuery,
} from './product.js';
export { Envelope, envelope } from './schema.js';
export * from './session.js';
export { Tag, TagCategory } from './tag.js';
