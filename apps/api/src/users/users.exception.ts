import { AppException } from '../common/problem/app-exception.js';

export class UsersException extends AppException {
  static notFound(id: string): UsersException {
    return new UsersException(404, 'user.not_found', 'User not found', `No user with id ${id}`);
  }

  static emailTaken(email: string): UsersException {
    return new UsersException(409, 'user.email_taken', 'Email already used', `A user with the email ${email} already exists`, [
      { field: 'email', reason: 'is already used by another user' },
    ]);
  }

  static staleVersion(sent: number, current: number): UsersException {
    return new UsersException(409, 'user.stale_version', 'User changed meanwhile', `This user was changed by someone else (you sent version ${sent}, it is now at version ${current}); reload and try again`);
  }

  static notOnSelf(field: 'role' | 'active'): UsersException {
    const reason = field === 'role' ? 'you cannot change your own role' : 'you cannot disable yourself';
    return new UsersException(422, 'user.self_change', 'Not on yourself', `${reason}: ask another administrator`, [{ field, reason }]);
  }
}
