export const STATE_CODE_PATTERN = /^[A-Z]{2}$/;
