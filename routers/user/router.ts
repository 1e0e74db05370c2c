// user.*: accounts, sessions and saved addresses. Thin: validate, authorize,
// call the domain functions, start or end sessions.
import { mergeGuestCart } from '../cart/merge.ts';
import { queueWelcome } from '../email/notifications.ts';
import { endSession, revokeSessions, startSession } from './session.ts';
import type { Context } from '../context.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';
import { authenticate, changePassword, findUser, registerUser, toPublicUser, updateProfile } from './accounts.ts';
import { deleteAddress, listAddresses, saveAddress } from './addresses.ts';
import { UserError } from './errors.ts';
import { checkResetLink, requestPasswordReset, resetPassword } from './password-reset.ts';
import { claimRegistration } from './rate-limit.ts';
import {
  changePasswordInput,
  deleteAddressInput,
  loginInput,
  passwordResetLinkInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  saveAddressInput,
  updateProfileInput,
} from './schemas.ts';

// A session left over from an earlier sign-in on this browser must not linger;
// what the visitor put in their cart as a guest moves into the account's cart.
async function replaceSession(ctx: Context, userId: number): Promise<void> {
  if (ctx.session) await revokeSessions(ctx.db, ctx.clock.now(), { sessionId: ctx.session.sessionId });
  await startSession(ctx, userId);
  await mergeGuestCart(ctx, userId);
}

export const userRouter = router({
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    const claim = await claimRegistration(ctx.db, ctx.clientAddress, now);
    if ('wait' in claim) throw new UserError('TOO_MANY_REGISTRATIONS', claim.wait);
    const user = await registerUser(ctx.db, input, now);
    await replaceSession(ctx, user.id);
    await queueWelcome(ctx, user);
    return toPublicUser(user);
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const user = await authenticate(ctx.db, { ...input, clientAddress: ctx.clientAddress }, ctx.clock.now());
    await replaceSession(ctx, user.id);
    return toPublicUser(user);
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx);
    return null;
  }),

  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.session) return null;
    const user = await findUser(ctx.db, ctx.session.userId);
    return user ? toPublicUser(user) : null;
  }),

  updateProfile: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) =>
    toPublicUser(await updateProfile(ctx.db, ctx.session.userId, input, ctx.clock.now())),
  ),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    await changePassword(ctx.db, ctx.session.userId, input, now);
    await revokeSessions(ctx.db, now, { userId: ctx.session.userId, except: ctx.session.sessionId });
    return null;
  }),

  /** Emails a reset link if an account has this address; the same answer (null) either way. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx, { email: input.email, clientAddress: ctx.clientAddress }, ctx.clock.now());
    return null;
  }),

  /** Whether a reset link still works, for the reset page. */
  passwordResetLink: publicProcedure.input(passwordResetLinkInput).query(({ ctx, input }) => checkResetLink(ctx.db, input.token, ctx.clock.now())),

  /** Sets a new password with an emailed link (once), signs every session out and this browser in. */
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const user = await resetPassword(ctx.db, input, ctx.clock.now());
    await replaceSession(ctx, user.id);
    return toPublicUser(user);
  }),

  addresses: authedProcedure.query(({ ctx }) => listAddresses(ctx.db, ctx.session.userId)),

  saveAddress: authedProcedure
    .input(saveAddressInput)
    .mutation(({ ctx, input }) => saveAddress(ctx.db, ctx.session.userId, input, ctx.clock.now())),

  deleteAddress: authedProcedure.input(deleteAddressInput).mutation(async ({ ctx, input }) => {
    await deleteAddress(ctx.db, ctx.session.userId, input.id);
    return null;
  }),
});
