// The user forms (sign in, sign up, account; sign out, on every page, has its own
// module), each defined once and run the same way by a plain form post and by JavaScript.
import { safeNext, withNext } from '../../routers/shared/next.ts';
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { checked, type FormAction } from './form-action.ts';
import { signOut } from './sign-out-form.ts';

export const signIn: FormAction = {
  path: '/sign-in',
  page: (f) => withNext('/sign-in', f.next),
  run: (api, f) => api.user.login({ email: f.email ?? '', password: f.password ?? '' }),
  done: (f) => safeNext(f.next),
};

export const signUp: FormAction = {
  path: '/sign-up',
  page: (f) => withNext('/sign-up', f.next),
  run: (api, f) =>
    api.user.register({
      email: f.email ?? '',
      password: f.password ?? '',
      confirmPassword: f.confirmPassword ?? '',
      name: f.name ?? '',
      marketingOptIn: checked(f, 'marketingOptIn'),
    }),
  done: (f) => safeNext(f.next),
};

export const updateProfile: FormAction = {
  path: '/account/profile',
  page: () => '/account',
  run: (api, f) => api.user.updateProfile({ name: f.name ?? '', marketingOptIn: checked(f, 'marketingOptIn') }),
  done: () => '/account?saved=profile',
};

export const changePassword: FormAction = {
  path: '/account/password',
  page: () => '/account',
  run: (api, f) => api.user.changePassword({ currentPassword: f.currentPassword ?? '', newPassword: f.newPassword ?? '' }),
  done: () => '/account?saved=password',
};

export const saveAddress: FormAction = {
  path: '/account/addresses',
  page: () => '/account',
  run: (api, f) =>
    api.user.saveAddress({
      ...(f.id ? { id: wholeNumber(f.id) } : {}),
      firstName: f.firstName ?? '',
      lastName: f.lastName ?? '',
      street: f.street ?? '',
      city: f.city ?? '',
      state: f.state ?? '',
      zip: f.zip ?? '',
      country: f.country ?? '',
      isDefault: checked(f, 'isDefault'),
    }),
  done: () => '/account?saved=address',
};

export const deleteAddress: FormAction = {
  path: '/account/addresses/delete',
  page: () => '/account',
  run: (api, f) => api.user.deleteAddress({ id: wholeNumber(f.id) }),
  done: () => '/account?saved=address-deleted',
};

export const forgotPassword: FormAction = {
  path: '/forgot-password',
  page: () => '/forgot-password',
  run: (api, f) => api.user.requestPasswordReset({ email: f.email ?? '' }),
  // The same page whether or not an account has the address.
  done: () => '/forgot-password?sent=1',
};

export const resetPassword: FormAction = {
  path: '/reset-password',
  page: (f) => `/reset-password?token=${encodeURIComponent(f.token ?? '')}`,
  run: (api, f) => api.user.resetPassword({ token: f.token ?? '', password: f.password ?? '', confirmPassword: f.confirmPassword ?? '' }),
  done: () => '/account?saved=password-reset',
};

export const userActions: FormAction[] = [signIn, signUp, signOut, updateProfile, changePassword, saveAddress, deleteAddress, forgotPassword, resetPassword];
