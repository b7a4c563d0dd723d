f1() { echo   hi   "a  b" 'c'; }
f2() { a=1 b=2; x=$(echo 1) ; echo ${x} $((x + 1)); }
f3() { for i in 1 2; do echo $i; done; for j; do :; done; }
f4() { while true; do break; done; until false; do break; done; }
f5() { if true; then :; fi; if a; then b; elif c; then d; elif e; then f; else g; fi; }
f6() { case $1 in a) echo a;; b|c) ;; *) echo x; echo y;& d) z;;& esac; }
f7() { echo a > /tmp/x 2>&1; cat < /etc/hosts >> /tmp/y; ls 2>/dev/null >&2; echo &> /dev/null; cat <<< "hi $x"; echo b &>> f; }
f8() { echo a | grep a | wc -l; ! false; true && false || true; sleep 1 & echo bg; }
f9() { (cd /; ls); { echo g; echo h; } > /tmp/o; ((i++)); (( i > 2 )) && echo big; }
f10() ( echo sub )
f11() { local x=1; return 2; }
function f12 { echo kw; }
function f13() { echo kw2; }
f14() { cat <<EOF
body $x
EOF
cat <<-'END'
	quoted
	END
echo after; }
f15() { time sleep 1; time -p true | cat; time; }
f16() { echo a; } > /tmp/out 2>&1
f17() { for i in a b; do if [ $i = a ]; then continue; fi; echo $i; done | sort; }
f18() { x=1; }
f19() { :; }
f20() { while read -r l; do echo "$l"; done < /etc/hosts; }
f21() { echo a & }
f22() { { echo in; } }
f23() { ( echo a ) & wait; }
f24() {
  # comment
  echo one
  echo two
}
g1() { x=$(echo   1;  echo 2) ; echo "$(ls   -l)" $((  1+2 )) ${x} a\
b; }
g2() { echo a; } 2>&1 >/dev/null
g3() { cat <<EOF | wc -l
hi
EOF
echo b; }
g4() { if cat <<EOF; then
x
EOF
echo y; fi; }
g5() { echo a && cat <<EOF
z
EOF
}
g6() { ( echo a; echo b ) > /tmp/x; while read l; do echo; done <<< "x"; }
f-g() { :; }
g7() { g8() { echo inner; }; g8; }
g9() { case x in (a) echo;; esac; case y in *) ;; esac; case z in esac; }
g10() { echo a; echo b & echo c & }
g11() { for i in a b; do :; done & }
h1() { x=$(echo  $(echo   a)); for i in $(seq  1 3) "$(date)"; do echo; done > $(echo  /tmp/f); }
h2() { y=$(case $1 in a) echo A;; *) echo B;; esac); echo "$y"; }
h3() { time for i in 1; do :; done; ! { true; }; time -p ( sleep 0 ) 2>&1; }
h4() { while cat <<EOF; do
w
EOF
break; done; }
h5() { echo a; echo b; } < /etc/hosts
h6() { local a=$(echo  1) b="$(echo 2)"; echo $a; }
h7() { { echo a; echo b; } | { cat; } ; }
h8() { if ! true; then :; fi; until ! false; do :; done; }
h9() { x=1
y=2

z=3; }
h10() { x=$(echo a
echo b); }
