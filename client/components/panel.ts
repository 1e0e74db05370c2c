/** The white box that checkout and the order pages group each section in. */
export const panel = 'bg-white rounded-lg border border-gray-200 p-4 sm:p-5';
