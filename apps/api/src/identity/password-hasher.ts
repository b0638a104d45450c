export { DUMMY_HASH, hashPassword, verifyPassword } from '@coalition/platform';
