/**
 * Counts the turns the event loop takes while some work runs: a callback that re-queues itself
 * with setImmediate runs once per turn, so a count above zero proves the work yielded, however
 * fast the machine (a timer would need a millisecond to pass between two yields).
 */
export function countEventLoopTurns(): { stop(): number } {
  let turns = 0;
  let stopped = false;
  const turn = () => {
    if (stopped) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop() {
      stopped = true;
      return turns;
    },
  };
}
