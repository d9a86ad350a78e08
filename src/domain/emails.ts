/** The email syntax the base accepts (the company card, the intake, imports): something@domain.tld. */
export const isEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email);
