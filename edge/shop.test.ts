// ORDER_TIMERS on the Worker: which order timers run, and the settings refused.
import { describe, expect, it } from 'bun:test';
import { ConfigError } from '../routers/config.ts';
import { orderTimerChoice } from './shop.ts';

const binding = { getByName: () => ({}) };

describe('ORDER_TIMERS', () => {
  it('defaults to OrderTimer Durable Objects, with any SCHEDULER', () => {
    expect(orderTimerChoice({ ORDER_TIMER: binding }, 'local')).toBe('durable-object');
    expect(orderTimerChoice({ ORDER_TIMER: binding, ORDER_TIMERS: '' }, 'qstash')).toBe('durable-object');
    expect(orderTimerChoice({ ORDER_TIMER: binding, ORDER_TIMERS: 'durable-object' }, 'qstash')).toBe('durable-object');
  });

  it('takes qstash with SCHEDULER=qstash (the binding may be there or not)', () => {
    expect(orderTimerChoice({ ORDER_TIMER: binding, ORDER_TIMERS: 'qstash' }, 'qstash')).toBe('qstash');
    expect(orderTimerChoice({ ORDER_TIMERS: 'qstash' }, 'qstash')).toBe('qstash');
  });

  it('refuses, naming the problem: an unknown value, qstash without the QStash scheduler, Durable Objects without the binding, ORDER_TIMER set as a variable', () => {
    const refused = (env: object, scheduler: 'local' | 'qstash' = 'qstash') => {
      try {
        orderTimerChoice(env, scheduler);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ ORDER_TIMER: binding, ORDER_TIMERS: 'cron' })).toBe('ORDER_TIMERS must be one of durable-object, qstash (got "cron")');
    expect(refused({ ORDER_TIMER: binding, ORDER_TIMERS: 'qstash' }, 'local')).toContain('ORDER_TIMERS=qstash needs SCHEDULER=qstash');
    expect(refused({})).toContain('needs the ORDER_TIMER Durable Object binding');
    expect(refused({ ORDER_TIMER: 'qstash' })).toContain('choose the order timers with ORDER_TIMERS');
  });
});
