import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class UsersException extends AppException {
  static notFound(id: string): UsersException {
    return new UsersException(404, 'user.not_found', 'User not found', undefined, undefined, { id });
  }

  static emailTaken(email: string): UsersException {
    return new UsersException(409, 'user.email_taken', 'Email already used', undefined, [fieldProblem('email', 'field.taken')], { email });
  }

  static staleVersion(sent: number, current: number): UsersException {
    return new UsersException(409, 'user.stale_version', 'User changed meanwhile', undefined, undefined, { sent, current });
  }

  static notOnSelf(field: 'role' | 'active'): UsersException {
    const reason = field === 'role' ? 'you cannot change your own role' : 'you cannot disable yourself';
    return new UsersException(422, 'user.self_change', 'Not on yourself', `${reason}: ask another administrator`, [{ ...fieldProblem(field, 'field.not_on_self'), reason }], { field });
  }
}
