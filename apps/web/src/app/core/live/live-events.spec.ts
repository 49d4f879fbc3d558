import { TestBed } from '@angular/core/testing';
import { LiveEvent } from '@relief-ledger/domain';

import { SessionStore } from '../auth/session-store';
import { signInAs } from '../auth/testing/session-fixtures';
import { LIVE_EVENTS_URL, LiveEvents, REOPEN_DELAY_MS } from './live-events';
import { FakeEventSource, provideFakeEventSources } from './testing/fake-event-source';

const checkIn: LiveEvent = {
  type: 'convoy.check_in',
  convoyId: 'convoy-1',
  organisationId: 'org-hro',
  status: 'departed',
  event: {
    id: 'event-1',
    convoyId: 'convoy-1',
    kind: 'check_in',
    fromStatus: null,
    toStatus: null,
    occurredAt: '2019-12-23T15:30:00.000Z',
    locationId: null,
    locationName: null,
    place: 'Ariha checkpoint',
    note: null,
    incidentId: null,
    recordedBy: 'user-field',
    recordedByName: 'Omar',
    recordedAt: '2019-12-23T15:30:00.000Z',
  },
};

describe('LiveEvents', () => {
  let opened: FakeEventSource[];
  let sut: LiveEvents;

  beforeEach(() => {
    jest.useFakeTimers();
    opened = [];
    TestBed.configureTestingModule({ providers: [provideFakeEventSources(opened)] });
    sut = TestBed.inject(LiveEvents);
  });

  afterEach(() => jest.useRealTimers());

  function signIn(): FakeEventSource {
    signInAs('field');
    TestBed.tick();
    return opened[opened.length - 1];
  }

  it('opens no stream while no one is signed in', () => {
    TestBed.tick();

    expect(opened).toEqual([]);
    expect(sut.status()).toBe('off');
  });

  it('opens one stream on signing in, and says it is live once it is', () => {
    const source = signIn();

    expect(opened.map((candidate) => candidate.url)).toEqual([LIVE_EVENTS_URL]);
    expect(sut.status()).toBe('connecting');
    source.open();
    expect(sut.status()).toBe('live');
  });

  it('hands each event to those who follow its type only', () => {
    const source = signIn();
    const checkIns: LiveEvent[] = [];
    const incidents: LiveEvent[] = [];
    sut.on('convoy.check_in', 'convoy.status').subscribe((event) => checkIns.push(event));
    sut.on('incident.reported').subscribe((event) => incidents.push(event));

    source.send(checkIn);

    expect(checkIns).toEqual([checkIn]);
    expect(incidents).toEqual([]);
  });

  it('drops data that is not an event of the type it came as', () => {
    const source = signIn();
    const seen: LiveEvent[] = [];
    sut.events.subscribe((event) => seen.push(event));

    source.sendRaw('convoy.check_in', '<html>');
    source.sendRaw('convoy.status', JSON.stringify(checkIn));

    expect(seen).toEqual([]);
  });

  it('says it is reconnecting while the browser tries again, and that it resumed after the gap', () => {
    const source = signIn();
    source.open();
    let resumed = 0;
    sut.resumed.subscribe(() => resumed++);

    source.fail();
    expect(sut.status()).toBe('reconnecting');
    source.open();

    expect(sut.status()).toBe('live');
    expect(resumed).toBe(1);
    expect(opened).toHaveLength(1);
  });

  it('says to load again when the server could not replay what was missed', () => {
    const source = signIn();
    let resumed = 0;
    sut.resumed.subscribe(() => resumed++);

    source.sendRaw('reset', '{}');

    expect(resumed).toBe(1);
  });

  it('opens a new stream later when the browser gave up on the old one', () => {
    const source = signIn();
    source.open();

    source.fail(true);
    jest.advanceTimersByTime(REOPEN_DELAY_MS);

    expect(source.closed).toBe(true);
    expect(opened).toHaveLength(2);
    expect(sut.status()).toBe('reconnecting');
  });

  it('closes the stream on signing out', () => {
    const source = signIn();
    source.open();

    TestBed.inject(SessionStore).endSession();
    TestBed.tick();

    expect(source.closed).toBe(true);
    expect(sut.status()).toBe('off');
  });

  describe('when the browser loses the network', () => {
    let online: jest.SpyInstance<boolean, []>;

    beforeEach(() => (online = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)));
    afterEach(() => online.mockRestore());

    function goOffline(): void {
      online.mockReturnValue(false);
      window.dispatchEvent(new Event('offline'));
    }

    function goOnline(): void {
      online.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
    }

    it('says offline at once, though the stream has not noticed yet', () => {
      const source = signIn();
      source.open();

      goOffline();

      expect(sut.status()).toBe('offline');
      goOnline();
      expect(sut.status()).toBe('live');
    });

    it('says offline rather than reconnecting when the stream fails without a network', () => {
      const source = signIn();
      source.open();

      goOffline();
      source.fail();

      expect(sut.status()).toBe('offline');
    });

    it('opens a new stream as soon as the network is back, without waiting for the reopen delay', () => {
      const source = signIn();
      source.open();
      goOffline();
      source.fail(true);

      goOnline();

      expect(opened).toHaveLength(2);
      expect(sut.status()).toBe('reconnecting');
    });

    it('says nothing while signed out, online or not', () => {
      goOffline();
      TestBed.tick();

      expect(sut.status()).toBe('off');
    });
  });
});
