// The launch page of `koppel project open` (a file only the scheduler can read) hands its
// one-time key to the project app at once, in the body of a POST: never in an address.
// Without script the page's button does the same.
document.getElementById("launch")?.submit();
