// needs: none
// Was case {var} resolved: RESOLVED, or CLOSED (which only a resolved case becomes)? A cancelled case was not.
{var}.status IN ['RESOLVED', 'CLOSED']
